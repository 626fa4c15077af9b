package knowledge

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// mustMemIndex is an empty in-memory index whose pauses are recorded
// instead of slept; each pause also records whether doc "tl-big" was
// searchable then.
func mustMemIndex(t *testing.T) (*Index, *[]time.Duration, *[]bool) {
	t.Helper()
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	b, err := bleve.NewMemOnly(m)
	if err != nil {
		t.Fatal(err)
	}
	ix := newIndex(b, nil)
	t.Cleanup(func() { ix.Close() })
	var pauses []time.Duration
	var seen []bool
	ix.pace.sleep = func(d time.Duration) {
		pauses = append(pauses, d)
		seen = append(seen, ix.has("tl-big"))
	}
	return ix, &pauses, &seen
}

// bigDoc is an upload of n passages that all hold "keo".
func bigDoc(n int) Document {
	d := Document{ID: "tl-big", Kind: KindArticle, Title: "Thông báo cấp cây keo lai", OriginalName: "x.md"}
	for i := range n {
		d.Passages = append(d.Passages, Passage{ID: fmt.Sprintf("tl-big#%d", i), Heading: "Mục", Text: fmt.Sprintf("Đoạn %d: mỗi hộ nhận cây keo lai giống.", i)})
	}
	return d
}

// While a resident's request runs, a new upload is indexed in small
// batches with a pause after each, and is searchable once whole; an idle
// index writes it without pausing; a document the index holds is
// replaced in one batch.
func TestIndexYieldsToResidents(t *testing.T) {
	t.Run("busy", func(t *testing.T) {
		ix, pauses, seen := mustMemIndex(t)
		ix.pace.begin() // a resident's request runs throughout
		defer ix.pace.end()
		if err := ix.put([]Document{bigDoc(100)}, nil); err != nil {
			t.Fatal(err)
		}
		if got, want := len(*pauses), 4; got != want { // 32+32+32+4 passages
			t.Fatalf("%d pauses, want %d", got, want)
		}
		for i, s := range *seen {
			if want := i == len(*seen)-1; s != want {
				t.Errorf("after batch %d the document is searchable: %v, want %v", i+1, s, want)
			}
		}
		for _, p := range *pauses {
			if p <= 0 || p > maxYield {
				t.Errorf("pause %v", p)
			}
		}
		hits, err := ix.Search(context.Background(), Query{Text: "cây keo lai"})
		if err != nil || len(hits) == 0 || hits[0].DocID != "tl-big" {
			t.Fatalf("hits %+v, %v", hits, err)
		}
		if n, _ := ix.bleve.DocCount(); n != 100 {
			t.Errorf("%d passages indexed, want 100", n)
		}

		*pauses = nil
		if err := ix.put([]Document{bigDoc(60)}, nil); err != nil {
			t.Fatal(err)
		}
		if len(*pauses) != 1 {
			t.Errorf("a replacement took %d batches, want 1", len(*pauses))
		}
		if n, _ := ix.bleve.DocCount(); n != 60 {
			t.Errorf("%d passages after the replacement, want 60", n)
		}
	})
	t.Run("idle", func(t *testing.T) {
		ix, pauses, _ := mustMemIndex(t)
		if err := ix.put([]Document{bigDoc(300)}, nil); err != nil {
			t.Fatal(err)
		}
		if len(*pauses) != 0 {
			t.Errorf("%d pauses with nobody asking", len(*pauses))
		}
		if n, _ := ix.bleve.DocCount(); n != 300 || !ix.has("tl-big") {
			t.Errorf("%d passages, searchable %v", n, ix.has("tl-big"))
		}
	})
	t.Run("a request ended a moment ago", func(t *testing.T) {
		ix, _, _ := mustMemIndex(t)
		ix.pace.begin()
		ix.pace.end()
		if !ix.pace.busy() || ix.pace.batchPassages() != yieldPassages {
			t.Error("not busy right after a request")
		}
		ix.pace.last.Store(time.Now().Add(-2 * busyWindow).UnixNano())
		if ix.pace.busy() {
			t.Error("still busy long after the last request")
		}
	})
}
