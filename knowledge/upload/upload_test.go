package upload_test

import (
	"strings"
	"testing"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/upload"
	"github.com/hoidap/hoidap/knowledge/upload/uploadtest"
)

func mustParse(tb testing.TB, f upload.File) []knowledge.Document {
	tb.Helper()
	docs, err := upload.Parse(f, upload.Limits{})
	if err != nil {
		tb.Fatalf("Parse(%q): %v", f.Name, err)
	}
	return docs
}

// headings returns the passage headings knowledge.Split makes of d.
func headings(d knowledge.Document) []string {
	knowledge.Split(&d)
	var out []string
	for _, p := range d.Passages {
		out = append(out, p.Heading)
	}
	return out
}

func TestParseArticles(t *testing.T) {
	docx := buildDOCX(t,
		para("Title", "Thông báo lịch tiếp dân", false)+
			para("", "Ủy ban nhân dân xã tiếp công dân vào sáng thứ Năm.", false)+
			para("u1", "Thành phần hồ sơ", false)+
			para("", "Tờ khai đăng ký khai sinh", true)+
			para("", "Giấy chứng sinh", true)+
			para("Heading2", "Lệ phí", false)+
			table([]string{"Loại việc", "Mức thu"}, []string{"Khai sinh đúng hạn", "Miễn phí"}))
	tests := []struct {
		name, file string
		data       []byte
		title      string
		body       []string // substrings the body must have
		heads      []string // passage headings after knowledge.Split
	}{
		{
			name: "pdf", file: "thong-bao.pdf",
			data:  buildPDF(t, "Office hours", textPage("Commune office hours", "Monday to Friday, 7:30 to 17:00."), textPage("Fees (Le phi): none for birth registration.")),
			title: "Office hours",
			body:  []string{"Commune office hours\nMonday to Friday, 7:30 to 17:00.", "Fees (Le phi): none for birth registration."},
		},
		{
			name: "pdf title from first line", file: "x.pdf",
			data:  buildPDF(t, "", textPage("Lich tiep dan", "Thu Nam hang tuan.")),
			title: "Lich tiep dan", body: []string{"Thu Nam hang tuan."},
		},
		{
			name: "docx", file: "thong-bao.docx", data: docx,
			title: "Thông báo lịch tiếp dân",
			body: []string{"Ủy ban nhân dân xã tiếp công dân vào sáng thứ Năm.", "## Thành phần hồ sơ",
				"- Tờ khai đăng ký khai sinh\n- Giấy chứng sinh", "### Lệ phí", "Loại việc | Mức thu\nKhai sinh đúng hạn | Miễn phí"},
			heads: []string{"Thông báo lịch tiếp dân", "Thành phần hồ sơ", "Lệ phí"},
		},
		{
			name: "docx with headings typed in bold", file: "thong-bao.docx",
			data: buildDOCX(t, para("", "ỦY BAN NHÂN DÂN XÃ PHÚ TÚC", false)+uploadtest.BoldPara("Thông báo cấp cây giống")+
				uploadtest.BoldPara("1. Nơi nộp đơn")+para("", "Bộ phận một cửa.", false)+
				`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Lưu ý:</w:t></w:r><w:r><w:t xml:space="preserve"> nộp sớm.</w:t></w:r></w:p>`+
				`<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>Chỉ dấu đoạn in đậm</w:t></w:r></w:p>`),
			title: "Thông báo cấp cây giống",
			body:  []string{"ỦY BAN NHÂN DÂN XÃ PHÚ TÚC", "### 1. Nơi nộp đơn\nBộ phận một cửa.", "\nLưu ý: nộp sớm.", "\nChỉ dấu đoạn in đậm"},
			heads: []string{"Thông báo cấp cây giống", "1. Nơi nộp đơn"},
		},
		{
			name: "html", file: "trang.htm",
			data: []byte(`<!DOCTYPE html><html><head><title>Giờ làm việc &amp; lệ phí</title><style>p{color:red}</style>
<script>alert("x")</script></head><body><h1>Giờ làm việc</h1><p>Sáng: 7 giờ 30 – 11 giờ 30.</p>
<h2>Lệ phí</h2><ul><li>Khai sinh: miễn phí</li><li>Sao y: 2.000 đồng/trang</li></ul>
<table><tr><td>Thứ Bảy</td><td>Trực tiếp nhận hồ sơ</td></tr></table></body></html>`),
			title: "Giờ làm việc & lệ phí",
			body:  []string{"## Giờ làm việc", "Sáng: 7 giờ 30 – 11 giờ 30.", "- Khai sinh: miễn phí", "Thứ Bảy | Trực tiếp nhận hồ sơ"},
			heads: []string{"Giờ làm việc", "Lệ phí"},
		},
		{
			name: "markdown", file: "huong-dan.md",
			data:  []byte("# Hướng dẫn đăng ký tạm trú\n\nNộp tại Công an xã.\n\n## Thời hạn giải quyết\n\n03 ngày làm việc.\n"),
			title: "Hướng dẫn đăng ký tạm trú",
			body:  []string{"Nộp tại Công an xã.", "## Thời hạn giải quyết"},
			heads: []string{"Hướng dẫn đăng ký tạm trú", "Thời hạn giải quyết"},
		},
		{
			name: "plain text, decomposed to NFC", file: "ghi-chu.txt",
			data:  []byte("Li\u0323ch trực Tết\nXã trực vào ngày mùng 2.\n"),
			title: "Lịch trực Tết", body: []string{"Xã trực vào ngày mùng 2."},
		},
		{
			name: "markdown named .pdf is read as text", file: "bao-cao.pdf",
			data: []byte("# Báo cáo\n\nNội dung."), title: "Báo cáo", body: []string{"Nội dung."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := mustParse(t, upload.File{Name: tt.file, Data: tt.data})
			if len(docs) != 1 {
				t.Fatalf("got %d documents, want 1", len(docs))
			}
			d := docs[0]
			if d.Title != tt.title {
				t.Errorf("title = %q, want %q", d.Title, tt.title)
			}
			if d.Kind != knowledge.KindArticle || d.ID != "" || d.Source != tt.file {
				t.Errorf("kind, id, source = %q, %q, %q", d.Kind, d.ID, d.Source)
			}
			for _, want := range tt.body {
				if !strings.Contains(d.Body, want) {
					t.Errorf("body lacks %q:\n%s", want, d.Body)
				}
			}
			for _, bad := range []string{"alert", "color:red", "<"} {
				if strings.Contains(d.Body, bad) {
					t.Errorf("body has %q:\n%s", bad, d.Body)
				}
			}
			if tt.heads != nil {
				if got := strings.Join(headings(d), " / "); got != strings.Join(tt.heads, " / ") {
					t.Errorf("passage headings = %s, want %s", got, strings.Join(tt.heads, " / "))
				}
			}
		})
	}
}
