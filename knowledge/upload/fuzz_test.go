package upload_test

import (
	"errors"
	"testing"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/upload"
)

// FuzzParse checks that no input makes Parse panic, and that it returns
// either documents with a title and text or an error wrapping
// knowledge.ErrInvalid.
func FuzzParse(f *testing.F) {
	f.Add("a.pdf", buildPDF(f, "Title", textPage("Line one", "Line two")))
	f.Add("scan.pdf", buildPDF(f, "", imagePage))
	f.Add("a.docx", buildDOCX(f, para("Title", "Tiêu đề", false)+para("u1", "Mục", false)+table([]string{"a", "b"})))
	f.Add("a.html", []byte("<html><title>T</title><h1>H</h1><p>x</p><script>y</script></html>"))
	f.Add("a.md", []byte("# Tiêu đề\n\n## Mục\n\nNội dung."))
	f.Add("a.json", []byte(`{"ma_thu_tuc":"1.1","ten_thu_tuc":"Thủ tục"}`))
	for _, h := range hostile(f) {
		if len(h.data) < 1<<20 {
			f.Add(h.file, h.data)
		}
	}
	lim := upload.Limits{MaxBytes: 1 << 20, MaxUnzipped: 4 << 20, MaxPages: 50}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		docs, err := upload.Parse(upload.File{Name: name, Data: data}, lim)
		if err != nil {
			if !errors.Is(err, knowledge.ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		if len(docs) == 0 {
			t.Fatal("no documents and no error")
		}
		for _, d := range docs {
			if d.Title == "" || (d.Body == "" && d.Procedure == nil) {
				t.Fatalf("document without title or text: %+v", d)
			}
		}
	})
}

func BenchmarkParseDOCX(b *testing.B) {
	var body string
	for range 200 {
		body += para("u1", "Thành phần hồ sơ", false) + para("", "Tờ khai đăng ký khai sinh theo mẫu; giấy chứng sinh.", true) +
			table([]string{"Loại việc", "Mức thu"}, []string{"Khai sinh", "Miễn phí"})
	}
	f := upload.File{Name: "a.docx", Data: buildDOCX(b, body)}
	b.SetBytes(int64(len(f.Data)))
	for b.Loop() {
		if _, err := upload.Parse(f, upload.Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParsePDF(b *testing.B) {
	var pages []string
	for i := range 20 {
		lines := make([]string, 40)
		for j := range lines {
			lines[j] = "Page text line with procedure words, fees and times " + string(rune('a'+i%26))
		}
		pages = append(pages, textPage(lines...))
	}
	f := upload.File{Name: "a.pdf", Data: buildPDF(b, "Bench", pages...)}
	b.SetBytes(int64(len(f.Data)))
	for b.Loop() {
		if _, err := upload.Parse(f, upload.Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}
