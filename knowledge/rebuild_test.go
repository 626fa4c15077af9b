package knowledge_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hoidap/hoidap/knowledge"
)

// Segment files turned to garbage can open as an empty index; the index
// must then be rebuilt from the store, not kept empty.
func TestIndexRebuiltWhenSegmentsAreGarbage(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	doc := knowledge.Document{ID: "gio-lam-viec", Kind: knowledge.KindArticle, Title: "Giờ làm việc của Trung tâm phục vụ hành chính công",
		Body: "Sáng thứ hai đến thứ sáu, từ 7 giờ 30."}
	if err := kb.Ingest(ctx, doc); err != nil {
		t.Fatal(err)
	}
	if err := kb.Close(); err != nil {
		t.Fatal(err)
	}
	segments, err := filepath.Glob(filepath.Join(dir, "index", "store", "*.zap"))
	if err != nil || len(segments) == 0 {
		t.Fatalf("no segment files to spoil (%v)", err)
	}
	for _, f := range segments {
		if err := os.WriteFile(f, []byte("not a segment"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	kb, err = knowledge.Open(ctx, knowledge.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer kb.Close()
	hits, err := kb.Search(ctx, knowledge.Query{Text: "gio lam viec"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].DocID != doc.ID {
		t.Errorf("after spoiled segments, search finds %v: want the document", hits)
	}
}
