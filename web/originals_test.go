package web

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Originals left by a process killed mid-upload (no document refers to
// them) and partial writes are removed; referenced ones and files too
// young to be sure of stay.
func TestSweepUploadsRemovesOrphans(t *testing.T) {
	root := t.TempDir()
	srv, s, kb := mustAdminServer(t, filepath.Join(root, "data"), nil)
	b := newBrowserless(t, srv)
	b.login("admin", adminPW, "/admin/documents")
	id := docIDFrom(t, b.upload("/admin/documents", "demo", "hop.md", []byte("# Lịch họp thôn\n\nHọp thôn tối thứ hai.\n")))
	d, err := kb.Document(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	uploads := filepath.Join(root, "data", "uploads")
	old := time.Now().Add(-2 * time.Hour)
	write := func(name string, age time.Time) string {
		p := filepath.Join(uploads, name)
		if err := os.WriteFile(p, []byte("x"), 0o640); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, age, age); err != nil {
			t.Fatal(err)
		}
		return p
	}
	orphan, part, young := write("0123456789ab-mo-coi.pdf", old), write(".part-0123456789ac", old), write("0123456789ad-moi.pdf", time.Now())
	kept := filepath.Join(root, "data", filepath.FromSlash(d.OriginalPath))
	if err := os.Chtimes(kept, old, old); err != nil {
		t.Fatal(err)
	}
	n, err := s.uploads.Sweep(context.Background(), time.Hour)
	if err != nil || n != 2 {
		t.Errorf("SweepUploads = %d, %v; want 2 files removed", n, err)
	}
	for _, p := range []string{orphan, part} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s left in uploads", filepath.Base(p))
		}
	}
	for _, p := range []string{kept, young} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: %v", filepath.Base(p), err)
		}
	}
	entries, _ := os.ReadDir(uploads)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".part-") {
			t.Errorf("an upload left its partial file %s", e.Name())
		}
	}
}
