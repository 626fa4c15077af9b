package web

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hoidap/hoidap/knowledge"
)

// kbState is what a failed upload must leave as it was.
type kbState struct {
	Docs, Passages, Indexed int
	Hits                    []string // top results of a few searches
	Files                   []string // every file under the test's root but the store and index
}

func stateOf(tb testing.TB, kb *knowledge.Base, root string) kbState {
	tb.Helper()
	ctx := context.Background()
	var st kbState
	var err error
	if st.Docs, st.Passages, err = kb.CountDocuments(ctx); err != nil {
		tb.Fatal(err)
	}
	st.Indexed = kb.Indexed()
	for _, q := range []string{"đăng ký khai sinh", "thông báo", "tiem chung thon Ba Lang", "thu gom rác"} {
		hits, err := kb.Search(ctx, knowledge.Query{Text: q, Commune: "demo", Limit: 5})
		if err != nil {
			tb.Fatal(err)
		}
		for _, h := range hits {
			st.Hits = append(st.Hits, q+" → "+h.DocID)
		}
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() && (rel == filepath.Join("data", "index")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && !strings.HasPrefix(d.Name(), "hoidap.db") {
			st.Files = append(st.Files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// searchFinds reports whether the document id is among the top 3 results.
func searchFinds(tb testing.TB, kb *knowledge.Base, q, commune, id string) bool {
	tb.Helper()
	hits, err := kb.Search(context.Background(), knowledge.Query{Text: q, Commune: commune, Limit: 3})
	if err != nil {
		tb.Fatal(err)
	}
	return slices.ContainsFunc(hits, func(h knowledge.Hit) bool { return h.DocID == id })
}

// docIDFrom reads the document id out of a redirect to its preview.
func docIDFrom(tb testing.TB, r reply) string {
	tb.Helper()
	rest, ok := strings.CutPrefix(r.location, "/admin/documents/")
	if r.status != http.StatusSeeOther || !ok {
		tb.Fatalf("upload: %d → %q, want a redirect to the preview\n%s", r.status, r.location, r.body)
	}
	id, _, _ := strings.Cut(rest, "?")
	id, _ = url.PathUnescape(id)
	return id
}

func TestAdminUploadGoodFiles(t *testing.T) {
	root := t.TempDir()
	srv, _, kb := mustAdminServer(t, filepath.Join(root, "data"), nil)
	b := newBrowserless(t, srv)
	b.login("admin", adminPW, "/admin/documents")
	docx := makeDOCX(t, docxPara("Title", "Thông báo lịch thu gom rác thôn Đông", false)+
		docxPara("u1", "Thời gian thu gom", false)+
		docxPara("", "Xe thu gom rác đến thôn Đông vào sáng thứ ba và sáng thứ sáu hằng tuần.", false))
	pdf := makePDF(t, "Lich tiem chung thon Ba Lang", pdfTextPage("Lich tiem chung thon Ba Lang",
		"Tiem chung mo rong vao thu bay tuan thu hai hang thang tai tram y te xa."))
	for _, tc := range []struct {
		name, file string
		data       []byte
		query      string // answered by this file only
		preview    string // on the preview page
	}{
		{"PDF", "lich-tiem.pdf", pdf, "tiem chung thon Ba Lang", "tram y te xa"},
		{"DOCX", "thu-gom-rac.docx", docx, "lịch thu gom rác thôn Đông", "sáng thứ ba và sáng thứ sáu"},
		{"HTML", "tiep-dan.html", []byte(`<html><head><title>Giờ tiếp công dân của chủ tịch xã</title></head><body>` +
			`<h1>Giờ tiếp công dân</h1><p>Chủ tịch xã tiếp công dân vào sáng thứ năm hằng tuần tại hội trường.</p></body></html>`),
			"chủ tịch xã tiếp công dân", "hội trường"},
		{"Markdown", "hien-mau.md", []byte("# Hướng dẫn hiến máu tình nguyện\n\n## Địa điểm\n\nNhà văn hóa thôn 3, ngày 15 hằng tháng.\n"),
			"hiến máu tình nguyện", "Nhà văn hóa thôn 3"},
		{"text", "cat-dien.txt", []byte("Thông báo cắt điện thôn Bến\nĐiện lực cắt điện thôn Bến từ 7 giờ đến 11 giờ chủ nhật để sửa đường dây.\n"),
			"cắt điện thôn Bến", "sửa đường dây"},
		{"hostile name", "../../etc/passwd.md", []byte("# Lịch họp tổ dân phố\n\nTổ dân phố số 9 họp tối thứ hai đầu tháng.\n"),
			"tổ dân phố số 9 họp", "họp tối thứ hai"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id := docIDFrom(t, b.upload("/admin/documents", "demo", tc.file, tc.data))
			if !searchFinds(t, kb, tc.query, "demo", id) {
				t.Errorf("search %q does not find %s right after the upload", tc.query, id)
			}
			r := b.get("/admin/documents/" + id)
			if r.status != http.StatusOK || !strings.Contains(r.body, tc.preview) || !strings.Contains(r.body, `class="passage"`) {
				t.Errorf("preview: %d, want its passages with %q", r.status, tc.preview)
			}
			d, err := kb.Document(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			kept, err := os.ReadFile(filepath.Join(root, "data", d.OriginalPath))
			if err != nil || !bytes.Equal(kept, tc.data) || !strings.HasPrefix(d.OriginalPath, "uploads/") {
				t.Errorf("original %q not kept as uploaded: %v", d.OriginalPath, err)
			}
		})
	}
	t.Run("portal JSONL", func(t *testing.T) {
		data, err := os.ReadFile("../knowledge/upload/testdata/portal.jsonl")
		if err != nil {
			t.Fatal(err)
		}
		r := b.upload("/admin/documents", "", "thu-tuc.jsonl", data)
		if r.status != http.StatusSeeOther || !strings.Contains(r.location, "ok=") {
			t.Fatalf("portal upload: %d → %q\n%s", r.status, r.location, r.body)
		}
		d, err := kb.Document(context.Background(), "dvc-1.000178")
		if err != nil || d.Procedure == nil || d.Commune != "" {
			t.Fatalf("portal record: %+v, %v", d.ID, err)
		}
		if !searchFinds(t, kb, "giải quyết khiếu nại công an nhân dân", "", d.ID) {
			t.Errorf("portal record not found by search")
		}
	})
	st := stateOf(t, kb, root)
	for _, f := range st.Files {
		if !strings.HasPrefix(f, "data/uploads/") {
			t.Errorf("file written outside uploads: %s", f)
		}
		if strings.Contains(f, "passwd") && !strings.HasSuffix(f, "-passwd.md") {
			t.Errorf("unsanitised name: %s", f)
		}
	}
}

func TestAdminUploadRefusals(t *testing.T) {
	root := t.TempDir()
	srv, _, kb := mustAdminServer(t, filepath.Join(root, "data"), nil)
	b := newBrowserless(t, srv)
	b.login("admin", adminPW, "/admin/documents")
	good := makePDF(t, "Thong bao", pdfTextPage("Thong bao lich tiep dan"))
	bomb := makeDOCX(t, docxPara("", strings.Repeat(" ", 60<<20)+"x", false)) // 60 MB of spaces unzipped
	big := bytes.Repeat([]byte("Dòng chữ hợp lệ.\n"), 25<<20/len("Dòng chữ hợp lệ.\n")+1)
	elf := append([]byte("\x7fELF\x02\x01\x01\x00"), make([]byte, 200)...)
	before := stateOf(t, kb, root)
	for _, tc := range []struct {
		name, file string
		data       []byte
		status     int
		message    string
	}{
		{"truncated PDF", "thong-bao.pdf", good[:len(good)*2/3], http.StatusBadRequest, "bị hỏng"},
		{"image-only PDF", "ban-scan.pdf", makePDF(t, "", pdfImagePage), http.StatusBadRequest, "không có lớp chữ"},
		{"DOCX zip bomb", "bom.docx", bomb, http.StatusRequestEntityTooLarge, "giải nén quá lớn"},
		{"25 MB file", "lon.txt", big, http.StatusRequestEntityTooLarge, "tối đa 20 MB"},
		{".pdf that is an ELF executable", "thong-bao.pdf", elf, http.StatusBadRequest, "executable"},
		{"no file", "", nil, http.StatusBadRequest, "Chưa chọn tệp"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := b.upload("/admin/documents", "demo", tc.file, tc.data)
			if r.status != tc.status || !strings.Contains(r.body, tc.message) || !strings.Contains(r.body, `class="error"`) {
				t.Errorf("%d, want %d with %q", r.status, tc.status, tc.message)
			}
			if diff := cmp.Diff(before, stateOf(t, kb, root)); diff != "" {
				t.Errorf("store, index or files changed (-before +after):\n%s", diff)
			}
		})
	}
}

// failingIngest is a knowledge base whose writes fail, as a full disk
// would make them.
type failingIngest struct{ *knowledge.Base }

func (failingIngest) Ingest(context.Context, ...knowledge.Document) error {
	return errors.New("disk full")
}

func TestAdminUploadIngestFailureKeepsNothing(t *testing.T) {
	root := t.TempDir()
	srv, _, kb := mustAdminServer(t, filepath.Join(root, "data"), func(c *Config) {
		c.Knowledge = failingIngest{c.Knowledge.(*knowledge.Base)}
	})
	b := newBrowserless(t, srv)
	b.login("admin", adminPW, "/admin/documents")
	before := stateOf(t, kb, root)
	r := b.upload("/admin/documents", "demo", "lich.md", []byte("# Lịch họp\n\nHọp thôn tối thứ hai.\n"))
	if r.status != http.StatusInternalServerError || !strings.Contains(r.body, "Lỗi hệ thống") || strings.Contains(r.body, "disk full") {
		t.Errorf("%d, want 500 with no internal detail", r.status)
	}
	if diff := cmp.Diff(before, stateOf(t, kb, root)); diff != "" {
		t.Errorf("changed (-before +after):\n%s", diff)
	}
}

func TestAdminReplaceAndDelete(t *testing.T) {
	root := t.TempDir()
	srv, _, kb := mustAdminServer(t, filepath.Join(root, "data"), nil)
	b := newBrowserless(t, srv)
	b.login("admin", adminPW, "/admin/documents")
	id := docIDFrom(t, b.upload("/admin/documents", "demo", "lich.md", []byte("# Lịch thu gom rác\n\nXe thu gom rác đến vào thứ ba.\n")))
	b.get("/admin/documents/" + id)
	before := stateOf(t, kb, root)
	broken := makePDF(t, "x", pdfTextPage("x"))
	r := b.upload("/admin/documents/"+id+"/replace", "", "moi.pdf", broken[:len(broken)/2])
	if r.status != http.StatusBadRequest || !strings.Contains(r.body, "bị hỏng") {
		t.Errorf("replace with a broken file: %d", r.status)
	}
	if diff := cmp.Diff(before, stateOf(t, kb, root)); diff != "" {
		t.Errorf("a failed replace changed (-before +after):\n%s", diff)
	}
	// A file over the bounds of one upload is refused and the document
	// it would replace stays.
	nested := makeDOCX(t, strings.Repeat("<w:p>", 300)+"<w:r><w:t>x</w:t></w:r>"+strings.Repeat("</w:p>", 300))
	r = b.upload("/admin/documents/"+id+"/replace", "", "moi.docx", nested)
	if r.status != http.StatusRequestEntityTooLarge || !strings.Contains(r.body, "lồng nhau quá sâu") {
		t.Errorf("replace with a DOCX nested 300 deep: %d", r.status)
	}
	if diff := cmp.Diff(before, stateOf(t, kb, root)); diff != "" {
		t.Errorf("a refused replace changed (-before +after):\n%s", diff)
	}
	r = b.upload("/admin/documents/"+id+"/replace", "", "lich-moi.md", []byte("# Lịch thu gom rác\n\nTừ tháng 12 xe thu gom rác đến vào thứ năm.\n"))
	if got := docIDFrom(t, r); got != id {
		t.Errorf("replace moved the document to %s", got)
	}
	d, err := kb.Document(context.Background(), id)
	if err != nil || d.Commune != "demo" || !strings.Contains(d.Passages[len(d.Passages)-1].Text, "thứ năm") {
		t.Fatalf("after replace: %+v, %v", d, err)
	}
	if after := stateOf(t, kb, root); len(after.Files) != len(before.Files) || slices.Equal(after.Files, before.Files) {
		t.Errorf("originals: %v then %v, want the old one replaced by the new", before.Files, after.Files)
	}
	b.get("/admin/documents/" + id)
	if r := b.get("/admin/documents/" + id + "/delete"); r.status != http.StatusOK || !strings.Contains(r.body, "Xóa hẳn") {
		t.Errorf("confirmation page: %d", r.status)
	}
	if r := b.post("/admin/documents/"+id+"/delete", nil); r.status != http.StatusSeeOther {
		t.Fatalf("delete: %d", r.status)
	}
	if _, err := kb.Document(context.Background(), id); !errors.Is(err, knowledge.ErrNotFound) {
		t.Errorf("deleted document still stored: %v", err)
	}
	if searchFinds(t, kb, "lịch thu gom rác thứ năm", "demo", id) {
		t.Errorf("deleted document still found")
	}
	for _, f := range stateOf(t, kb, root).Files {
		if strings.HasPrefix(f, "data/uploads/") {
			t.Errorf("original left behind: %s", f)
		}
	}
}

// indexFails is a knowledge base whose next Ingest writes the store and
// then fails, as a failed index write after the store transaction would.
type indexFails struct {
	*knowledge.Base
	armed *bool
}

func (k indexFails) Ingest(ctx context.Context, docs ...knowledge.Document) error {
	err := k.Base.Ingest(ctx, docs...)
	if *k.armed {
		*k.armed = false
		return errors.New("index write failed")
	}
	return err
}

func TestAdminUploadIndexFailureRollsBack(t *testing.T) {
	root := t.TempDir()
	armed := false
	srv, _, kb := mustAdminServer(t, filepath.Join(root, "data"), func(c *Config) {
		c.Knowledge = indexFails{c.Knowledge.(*knowledge.Base), &armed}
	})
	b := newBrowserless(t, srv)
	b.login("admin", adminPW, "/admin/documents")
	id := docIDFrom(t, b.upload("/admin/documents", "demo", "rac.md", []byte("# Lịch thu gom rác\n\nXe thu gom rác đến vào thứ ba.\n")))
	b.get("/admin/documents/" + id)
	before := stateOf(t, kb, root)
	for _, tc := range []struct{ name, path string }{
		{"new document", "/admin/documents"},
		{"replacement", "/admin/documents/" + id + "/replace"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			armed = true
			r := b.upload(tc.path, "demo", "moi.md", []byte("# Thông báo thu gom rác mới\n\nTừ nay xe thu gom rác đến vào thứ bảy.\n"))
			if r.status != http.StatusInternalServerError {
				t.Errorf("status %d, want 500", r.status)
			}
			if diff := cmp.Diff(before, stateOf(t, kb, root)); diff != "" {
				t.Errorf("not rolled back (-before +after):\n%s", diff)
			}
		})
	}
	if d, err := kb.Document(context.Background(), id); err != nil || !strings.Contains(d.Body, "thứ ba") {
		t.Errorf("replaced document not restored: %v", err)
	}
}
