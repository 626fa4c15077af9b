package upload_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/knowledge/upload"
)

// allocated returns the bytes fn allocates on the heap.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// refused checks that err is a refusal for size whose message holds want.
func refused(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatal("accepted")
	}
	if !errors.Is(err, upload.ErrTooLarge) {
		t.Errorf("error %v, want ErrTooLarge", err)
	}
	if msg := upload.Message(err); !strings.Contains(msg, want) || !strings.Contains(msg, "(") {
		t.Errorf("message %q lacks %q or its English part", msg, want)
	}
}

// A DOCX of half a million nested paragraphs (about 10 KB zipped) made
// the XML decoder remember every level: hundreds of megabytes for one
// upload. It is refused at the 257th level, having cost little.
func TestParseRefusesDeeplyNestedDOCX(t *testing.T) {
	const n = 500_000
	file := buildDOCX(t, strings.Repeat("<w:p>", n)+"<w:r><w:t>x</w:t></w:r>"+strings.Repeat("</w:p>", n))
	var err error
	got := allocated(func() { _, err = upload.Parse(upload.File{Name: "long.docx", Data: file}, upload.Limits{}) })
	refused(t, err, "lồng nhau quá sâu")
	if got > 16<<20 {
		t.Errorf("parsing a %d KB DOCX allocated %d MB, want under 16 MB", len(file)>>10, got>>20)
	}
}

// Ordinary nesting, tables in tables, is still read.
func TestParseReadsNestedTables(t *testing.T) {
	inner := table([]string{"Giấy khai sinh", "1 bản chính"})
	body := para("u1", "Thành phần hồ sơ", false) +
		"<w:tbl><w:tr><w:tc>" + strings.Repeat("<w:tbl><w:tr><w:tc>", 10) + inner +
		strings.Repeat("</w:tc></w:tr></w:tbl>", 10) + "</w:tc></w:tr></w:tbl>"
	docs := mustParse(t, upload.File{Name: "bang.docx", Data: buildDOCX(t, body)})
	if !strings.Contains(docs[0].Body, "Giấy khai sinh") {
		t.Errorf("body %q lacks the nested table's text", docs[0].Body)
	}
}

// A valid Markdown file of many megabytes took gigabytes and minutes to
// index; past the text bound it is refused before it is read further.
func TestParseRefusesTextOverTheBound(t *testing.T) {
	line := "Công dân nộp hồ sơ tại Trung tâm phục vụ hành chính công của xã.\n"
	md := "# Hướng dẫn\n\n" + strings.Repeat(line, upload.DefaultMaxText/len(line)+1)
	var err error
	got := allocated(func() { _, err = upload.Parse(upload.File{Name: "dai.md", Data: []byte(md)}, upload.Limits{}) })
	refused(t, err, "quá dài: tối đa 2 MB")
	if got > 4*uint64(len(md)) {
		t.Errorf("refusing %d MB of Markdown allocated %d MB", len(md)>>20, got>>20)
	}

	long := buildDOCX(t, strings.Repeat(para("", strings.Repeat("chữ ", 100), false), 20))
	_, err = upload.Parse(upload.File{Name: "dai.docx", Data: long}, upload.Limits{MaxText: 4 << 10})
	refused(t, err, "tối đa 4 KB")

	html := "<html><body>" + strings.Repeat("<p>"+line+"</p>", 100) + "</body></html>"
	_, err = upload.Parse(upload.File{Name: "dai.html", Data: []byte(html)}, upload.Limits{MaxText: 4 << 10})
	refused(t, err, "tối đa 4 KB")
}

// However short, text that knowledge would cut into more passages than
// the bound (a heading every line) is refused; at the bound it is read.
func TestParseRefusesTooManyPassages(t *testing.T) {
	sections := func(n int) []byte {
		var b strings.Builder
		b.WriteString("# Hướng dẫn\n")
		for i := range n {
			fmt.Fprintf(&b, "## Mục %d\nNội dung %d.\n", i, i)
		}
		return []byte(b.String())
	}
	lim := upload.Limits{MaxPassages: 10}
	if _, err := upload.Parse(upload.File{Name: "muc.md", Data: sections(10)}, lim); err != nil {
		t.Fatalf("10 sections: %v", err)
	}
	_, err := upload.Parse(upload.File{Name: "muc.md", Data: sections(11)}, lim)
	refused(t, err, "tối đa 10 đoạn")
	_, err = upload.Parse(upload.File{Name: "muc.md", Data: sections(5000)}, upload.Limits{})
	refused(t, err, "tối đa 1000 đoạn")

	// 2 MB of headings would make 300,000 passages: counting them must
	// not cut them all (it allocated 366 MB).
	headings := []byte("# Hướng dẫn\n" + strings.Repeat("## a\nb\n", (upload.DefaultMaxText-20)/7))
	got := allocated(func() { _, err = upload.Parse(upload.File{Name: "muc.md", Data: headings}, upload.Limits{}) })
	refused(t, err, "tối đa 1000 đoạn")
	if got > 8*uint64(len(headings)) {
		t.Errorf("refusing %d KB of headings allocated %d MB", len(headings)>>10, got>>20)
	}
}
