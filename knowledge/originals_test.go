package knowledge_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/ingest"
	"github.com/hoidap/hoidap/knowledge/upload"
)

// With a shared database the upload's original is kept in it, where every
// replica has it; it goes with its document, and the sweep removes one no
// document refers to only once it is an hour old (another replica's
// upload may be in flight).
func TestOriginalsInSharedDatabase(t *testing.T) {
	ctx := context.Background()
	kb := mustOpenOn(t, t.TempDir(), sqldbtest.Postgres(t))
	if !kb.KeepsOriginals() {
		t.Fatal("a base on PostgreSQL keeps originals on disk")
	}
	w := ingest.New(kb, upload.Limits{MaxBytes: upload.DefaultMaxBytes}, nil)
	md := []byte("# Lịch họp thôn Đông\n\nHọp thôn Đông tối thứ hai tại nhà văn hóa.\n")
	docs, err := w.Upload(ctx, upload.File{Name: "hop.md", Data: md}, "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	path := docs[0].OriginalPath
	if got, err := kb.Original(ctx, path); err != nil || string(got) != string(md) {
		t.Fatalf("original %q: %q, %v", path, got, err)
	}

	// Two kept long ago: one a document refers to, one nobody does (its
	// upload died); and one just kept, whose upload may still be running.
	st := knowledge.StoreOf(kb)
	st.Now = func() time.Time { return time.Now().Add(-2 * time.Hour) }
	if err := kb.PutOriginal(ctx, "uploads/0123456789ab-mo-coi.md", []byte("x")); err != nil {
		t.Fatal(err)
	}
	st.Now = time.Now
	if err := kb.PutOriginal(ctx, "uploads/0123456789ac-moi.md", []byte("y")); err != nil {
		t.Fatal(err)
	}
	if n, err := w.Sweep(ctx, 0); err != nil || n != 1 {
		t.Errorf("sweep removed %d, %v; want the old orphan only", n, err)
	}
	for p, want := range map[string]error{path: nil, "uploads/0123456789ac-moi.md": nil, "uploads/0123456789ab-mo-coi.md": knowledge.ErrNotFound} {
		if _, err := kb.Original(ctx, p); !errors.Is(err, want) {
			t.Errorf("after the sweep, %s: %v, want %v", p, err, want)
		}
	}

	if err := kb.Delete(ctx, docs[0].ID); err != nil {
		t.Fatal(err)
	}
	w.RemoveOriginal(ctx, path)
	if _, err := kb.Original(ctx, path); !errors.Is(err, knowledge.ErrNotFound) {
		t.Errorf("the original of a deleted document: %v, want ErrNotFound", err)
	}
}
