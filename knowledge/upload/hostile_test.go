package upload_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/upload"
)

// hostile are the broken and malicious uploads, also the fuzz seeds.
func hostile(tb testing.TB) []struct {
	name, file string
	data       []byte
	lim        upload.Limits
	reason     error
	message    string // a part of the message the administrator sees
} {
	tb.Helper()
	good := buildPDF(tb, "T", textPage("Some text"))
	elf := append([]byte("\x7fELF\x02\x01\x01\x00"), make([]byte, 200)...)
	bomb := buildDOCX(tb, para("", strings.Repeat(" ", 2<<20)+"x", false))
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	random[0] = 0x01 // not by chance a known magic
	big := bytes.Repeat([]byte("Dòng chữ hợp lệ.\n"), 25<<20/len("Dòng chữ hợp lệ.\n")+1)
	// Portal records past the first 64 KB that the gzip stream is read
	// in: what is wrong with them shows only while reading.
	records := bytes.Repeat([]byte(`{"ma_thu_tuc": "1.000001", "ten_thu_tuc": "Thủ tục mẫu", "le_phi": "Không"}`+"\n"), 2000)
	gz := func(b []byte) []byte {
		var out bytes.Buffer
		zw := gzip.NewWriter(&out)
		_, _ = zw.Write(b)
		_ = zw.Close()
		return out.Bytes()
	}
	latin1 := append(bytes.Clone(records), []byte(`{"ma_thu_tuc": "1.000002", "ten_thu_tuc": "Th`+"\xf4ng b\xe1o"+`"}`+"\n")...)
	cut := gz(records)
	return []struct {
		name, file string
		data       []byte
		lim        upload.Limits
		reason     error
		message    string
	}{
		{"truncated PDF", "a.pdf", good[:len(good)*2/3], upload.Limits{}, upload.ErrBroken, "bị hỏng"},
		{"image-only PDF", "scan.pdf", buildPDF(tb, "", imagePage), upload.Limits{}, upload.ErrScanned, "không có lớp chữ"},
		{"PDF with an empty page", "trang-trang.pdf", buildPDF(tb, "", ""), upload.Limits{}, upload.ErrScanned, "bản scan"},
		{"PDF over the page limit", "dai.pdf", buildPDF(tb, "", textPage("a"), textPage("b"), textPage("c")), upload.Limits{MaxPages: 2}, upload.ErrTooLarge, "tối đa 2 trang"},
		{"DOCX zip bomb, declared", "bom.docx", bomb, upload.Limits{MaxUnzipped: 1 << 20}, upload.ErrTooLarge, "giải nén quá lớn"},
		{"DOCX zip bomb, lying header", "bom.docx", rawZip(tb, "word/document.xml", 3<<20, 100), upload.Limits{MaxUnzipped: 1 << 20}, knowledge.ErrInvalid, "(B"},
		{"zip that is not a DOCX", "a.docx", buildZip(tb, docxPart{Name: "a.txt", Body: "x"}), upload.Limits{}, upload.ErrUnsupported, "không phải DOCX"},
		{"25 MB file", "lon.txt", big, upload.Limits{}, upload.ErrTooLarge, "tối đa 20 MB"},
		{".pdf that is an ELF executable", "thong-bao.pdf", elf, upload.Limits{}, upload.ErrUnsupported, "executable"},
		{".docx that is a Windows program", "x.docx", append([]byte("MZ\x90\x00"), make([]byte, 64)...), upload.Limits{}, upload.ErrUnsupported, "chương trình"},
		{"PNG image", "anh.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), upload.Limits{}, upload.ErrUnsupported, "tệp ảnh"},
		{"random bytes", "x.md", random, upload.Limits{}, upload.ErrUnsupported, "Định dạng không hỗ trợ"},
		{"empty file", "rong.txt", nil, upload.Limits{}, upload.ErrNoText, "Tệp trống"},
		{"only white space", "rong.md", []byte(" \n\t\n"), upload.Limits{}, upload.ErrNoText, "Tệp trống"},
		{"invalid UTF-8 text", "cu.txt", []byte("Th\xf4ng b\xe1o l\xe9ch ti\xe9p d\xe2n"), upload.Limits{}, upload.ErrEncoding, "UTF-8"},
		{"HTML without text", "a.html", []byte("<html><script>var x</script></html>"), upload.Limits{}, upload.ErrNoText, "Tệp trống"},
		{"JSON that is not a portal record", "a.json", []byte(`{"hello": "world"}`), upload.Limits{}, upload.ErrUnsupported, "Cổng Dịch vụ công"},
		{"broken gzip", "a.jsonl.gz", []byte{0x1f, 0x8b, 8, 0, 0, 0}, upload.Limits{}, upload.ErrBroken, "bị hỏng"},
		{"gzip of portal records past the unzipped limit", "a.jsonl.gz", gz(records), upload.Limits{MaxUnzipped: 100 << 10}, upload.ErrTooLarge, "giải nén quá lớn"},
		{"gzip of portal records, one not UTF-8", "a.jsonl.gz", gz(latin1), upload.Limits{}, upload.ErrEncoding, "UTF-8"},
		{"gzip of portal records, cut", "a.jsonl.gz", cut[:len(cut)-20], upload.Limits{}, upload.ErrBroken, "bị hỏng"},
	}
}

func TestParseRefusesHostileFiles(t *testing.T) {
	for _, tt := range hostile(t) {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := upload.Parse(upload.File{Name: tt.file, Data: tt.data}, tt.lim)
			if err == nil {
				t.Fatalf("accepted as %d documents: %+v", len(docs), docs)
			}
			if !errors.Is(err, tt.reason) || !errors.Is(err, knowledge.ErrInvalid) {
				t.Errorf("error %v, want %v wrapping knowledge.ErrInvalid", err, tt.reason)
			}
			msg := upload.Message(err)
			if !strings.Contains(msg, tt.message) || !strings.Contains(msg, "(") {
				t.Errorf("message %q lacks %q or its English part", msg, tt.message)
			}
		})
	}
}

func TestSafeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"../../etc/passwd.md", "passwd.md"},
		{`C:\Users\cán bộ\Thông báo.docx`, "Thông báo.docx"},
		{"Tho\u0300ng bao.pdf", "Thòng bao.pdf"},
		{"..", "tai-lieu"},
		{"", "tai-lieu"},
		{".md", "md"},
		{"a\x00b\nc.txt", "abc.txt"},
		{"hoa-don\u202Efdp.exe", "hoa-donfdp.exe"},
		{"bad<>:|?*.txt", "bad______.txt"},
		{"x..y...pdf", "x.y.pdf"},
		{"NUL.txt", "_NUL.txt"},
		{strings.Repeat("ễ", 100) + ".pdf", strings.Repeat("ễ", 38) + ".pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := upload.SafeName(tt.in); got != tt.want {
				t.Errorf("SafeName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseUsesSafeName(t *testing.T) {
	docs := mustParse(t, upload.File{Name: "../../etc/passwd.md", Data: []byte("không có tiêu đề markdown\n\nmà chỉ có chữ")})
	if got := docs[0].Source; got != "passwd.md" {
		t.Errorf("source = %q, want passwd.md", got)
	}
	docs = mustParse(t, upload.File{Name: "../lich.txt", Data: []byte(strings.Repeat("chữ ", 100))})
	if got := docs[0].Title; got != "lich" {
		t.Errorf("title of text without a short first line = %q, want the file name", got)
	}
}
