package knowledge

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// SearchUncached runs q on the index past the cache, for the benchmarks
// of the index itself.
func (b *Base) SearchUncached(ctx context.Context, q Query) ([]Hit, error) {
	return b.index.Search(ctx, q)
}

func mustMemBase(tb testing.TB, docs ...Document) *Base {
	tb.Helper()
	kb, err := Open(context.Background(), Config{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { kb.Close() })
	if err := kb.Ingest(context.Background(), docs...); err != nil {
		tb.Fatal(err)
	}
	return kb
}

func article(id, title, body string) Document {
	return Document{ID: id, Kind: KindArticle, Title: title, Body: body}
}

func topTitles(tb testing.TB, kb *Base, q string) []string {
	tb.Helper()
	hits, err := kb.Search(context.Background(), Query{Text: q, Limit: 3})
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, h := range hits {
		out = append(out, h.Title)
	}
	return out
}

// A resident who asked before an administrator's upload must get the new
// answer right after the upload returns, not the cached one.
func TestSearchAfterWriteSeesTheWrite(t *testing.T) {
	ctx := context.Background()
	kb := mustMemBase(t, article("khai-sinh", "Đăng ký khai sinh", "Nộp tờ khai đăng ký khai sinh tại Ủy ban nhân dân xã."))
	const q = "giấy phép xây dựng nhà ở"
	if got := topTitles(t, kb, q); cmp.Equal(got, []string{"Cấp giấy phép xây dựng nhà ở riêng lẻ"}) {
		t.Fatalf("before upload: %q", got)
	}
	t.Run("upload", func(t *testing.T) {
		if err := kb.Ingest(ctx, article("xay-dung", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hồ sơ xin giấy phép xây dựng nhà ở gồm đơn và bản vẽ.")); err != nil {
			t.Fatal(err)
		}
		if got, want := topTitles(t, kb, q), "Cấp giấy phép xây dựng nhà ở riêng lẻ"; len(got) == 0 || got[0] != want {
			t.Errorf("after upload: %q, want %q first", got, want)
		}
	})
	t.Run("replace", func(t *testing.T) {
		if err := kb.Ingest(ctx, article("xay-dung", "Giấy phép xây dựng nhà ở (sửa đổi)", "Hồ sơ xin giấy phép xây dựng nhà ở gồm đơn, bản vẽ và giấy tờ đất.")); err != nil {
			t.Fatal(err)
		}
		if got, want := topTitles(t, kb, q), "Giấy phép xây dựng nhà ở (sửa đổi)"; len(got) == 0 || got[0] != want {
			t.Errorf("after replace: %q, want %q first", got, want)
		}
		d, err := kb.Document(ctx, "xay-dung")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := d.Title, "Giấy phép xây dựng nhà ở (sửa đổi)"; got != want {
			t.Errorf("document title %q, want %q", got, want)
		}
	})
	t.Run("delete", func(t *testing.T) {
		if err := kb.Delete(ctx, "xay-dung"); err != nil {
			t.Fatal(err)
		}
		if got := topTitles(t, kb, q); !cmp.Equal(got, []string{"Đăng ký khai sinh"}) && len(got) != 0 {
			t.Errorf("after delete: %q, want the deleted document gone", got)
		}
		if _, err := kb.Document(ctx, "xay-dung"); err == nil {
			t.Error("deleted document still returned")
		}
	})
	t.Run("reindex", func(t *testing.T) {
		before := topTitles(t, kb, "khai sinh")
		if err := kb.Reindex(ctx); err != nil {
			t.Fatal(err)
		}
		if got := topTitles(t, kb, "khai sinh"); !cmp.Equal(got, before) {
			t.Errorf("after reindex: %q, want %q", got, before)
		}
	})
}

// A caller editing what it was given (an admin form does) must not change
// what the next resident reads.
func TestCachedResultsAreCopies(t *testing.T) {
	ctx := context.Background()
	proc := Document{ID: "ho-tich", Title: "Đăng ký kết hôn", Procedure: &Procedure{
		Title: "Đăng ký kết hôn", Steps: []string{"Nộp tờ khai"}, Papers: []Paper{{Name: "Tờ khai"}},
		Methods: []Method{{Channel: "Trực tiếp"}}, LegalBasis: []string{"Luật Hộ tịch"},
	}}
	kb := mustMemBase(t, proc)
	q := Query{Text: "đăng ký kết hôn"}
	first, err := kb.Search(ctx, q)
	if err != nil || len(first) == 0 {
		t.Fatalf("search: %v, %d hits", err, len(first))
	}
	want := cloneHits(first)
	first[0].Title = "sửa"
	if got, _ := kb.Search(ctx, q); !cmp.Equal(got, want) {
		t.Errorf("search after caller's edit:\n%s", cmp.Diff(want, got))
	}

	d, err := kb.Document(ctx, "ho-tich")
	if err != nil {
		t.Fatal(err)
	}
	wantDoc := cloneDocument(d)
	d.Passages[0].Text = "sửa"
	d.Procedure.Steps[0] = "sửa"
	d.Procedure.Papers[0].Name = "sửa"
	d.Procedure.Methods[0].Channel = "sửa"
	d.Procedure.Title = "sửa"
	if got, _ := kb.Document(ctx, "ho-tich"); !cmp.Equal(got, wantDoc) {
		t.Errorf("document after caller's edit:\n%s", cmp.Diff(wantDoc, got))
	}
}

// Searches and document reads run while an administrator uploads; each
// upload is visible to the uploader as soon as it returns (run with -race).
func TestCacheUnderConcurrentWrites(t *testing.T) {
	ctx := context.Background()
	kb := mustMemBase(t, article("khai-sinh", "Đăng ký khai sinh", "Nộp tờ khai đăng ký khai sinh tại xã."))
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := kb.Search(ctx, Query{Text: "thông báo số mới"}); err != nil {
					t.Error(err)
					return
				}
				_, _ = kb.Document(ctx, "thong-bao")
			}
		}()
	}
	for i := range 15 {
		title := fmt.Sprintf("Thông báo số %d mới", i)
		if err := kb.Ingest(ctx, article("thong-bao", title, "Thông báo mới của xã về lịch tiếp dân.")); err != nil {
			t.Fatal(err)
		}
		if got := topTitles(t, kb, "thông báo số mới"); len(got) == 0 || got[0] != title {
			t.Fatalf("after upload %d: %q, want %q first", i, got, title)
		}
		if d, err := kb.Document(ctx, "thong-bao"); err != nil || d.Title != title {
			t.Fatalf("after upload %d: document %q (%v), want %q", i, d.Title, err, title)
		}
	}
	close(stop)
	wg.Wait()
}

func TestLRUBounds(t *testing.T) {
	t.Run("entries, least recently used out first", func(t *testing.T) {
		c := newLRU[int](2, 1<<20)
		c.put(0, "a", 1, 0)
		c.put(0, "b", 2, 0)
		c.get("a")
		c.put(0, "c", 3, 0)
		if _, ok := c.get("b"); ok {
			t.Error("b kept; it was the least recently used")
		}
		for _, k := range []string{"a", "c"} {
			if _, ok := c.get(k); !ok {
				t.Errorf("%s evicted", k)
			}
		}
	})
	t.Run("bytes", func(t *testing.T) {
		c := newLRU[int](100, 1000)
		for i := range 20 {
			c.put(0, fmt.Sprint(i), i, 200)
		}
		if c.bytes > 1000 || c.len() != 3 {
			t.Errorf("%d entries, %d bytes; want 3 within 1000", c.len(), c.bytes)
		}
		c.put(0, "huge", 0, 5000)
		if _, ok := c.get("huge"); ok {
			t.Error("value over the byte bound kept")
		}
	})
	t.Run("value computed before a write is dropped", func(t *testing.T) {
		c := newLRU[int](10, 1<<20)
		gen := c.generation()
		c.clear()
		c.put(gen, "stale", 1, 0)
		if _, ok := c.get("stale"); ok {
			t.Error("stale value stored after a write")
		}
	})
}

func TestSearchKey(t *testing.T) {
	tests := []struct {
		a, b Query
		same bool
	}{
		{Query{Text: "Đăng  ký khai sinh"}, Query{Text: "đăng ký khai sinh", Limit: 10}, true},
		{Query{Text: "đăng ký khai sinh"}, Query{Text: "dang ky khai sinh"}, false},
		{Query{Text: "khai sinh", Commune: "a"}, Query{Text: "khai sinh", Commune: "b"}, false},
		{Query{Text: "khai sinh", Limit: 3}, Query{Text: "khai sinh", Limit: 10}, false},
	}
	for _, tt := range tests {
		t.Run(tt.a.Text+"|"+tt.b.Text, func(t *testing.T) {
			if got := searchKey(tt.a) == searchKey(tt.b); got != tt.same {
				t.Errorf("same key = %v, want %v (%q, %q)", got, tt.same, searchKey(tt.a), searchKey(tt.b))
			}
		})
	}
}
