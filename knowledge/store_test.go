package knowledge_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
	"github.com/hoidap/hoidap/knowledge"
)

// mustOpenOn opens a base whose store is the database dsn names ("" for
// SQLite in dir, or in memory when dir is "too"), with its index in dir.
func mustOpenOn(tb testing.TB, dir, dsn string) *knowledge.Base {
	tb.Helper()
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Dir: dir, DatabaseURL: dsn})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { kb.Close() })
	return kb
}

// The store keeps documents, passages, meta and the index queue alike on
// both engines, and numbers every change in commit order.
func TestStore(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		kb := mustOpenOn(t, "", dsn)
		st := knowledge.StoreOf(kb)
		a := knowledge.Document{ID: "a", Title: "Giờ làm việc", Commune: "xa-a", Body: "## Giờ\nSáng 7h30.\n## Thứ Bảy\nBuổi sáng."}
		b := knowledge.Document{ID: "b", Title: "Lịch tiêm chủng", Body: "## Lịch\nNgày 5 hằng tháng."}
		knowledge.Split(&a)
		knowledge.Split(&b)
		if err := st.PutDocuments(ctx, []knowledge.Document{a, b}); err != nil {
			t.Fatal(err)
		}
		got, err := st.Document(ctx, "a")
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != a.Title || got.Commune != "xa-a" || len(got.Passages) != 2 || got.Passages[1].Heading != "Thứ Bảy" {
			t.Errorf("document a = %+v", got)
		}
		pending, err := st.Pending(ctx)
		if err != nil || len(pending) != 2 {
			t.Errorf("pending = %v, %v; want a and b", pending, err)
		}
		if err := st.MarkIndexed(ctx, pending); err != nil {
			t.Fatal(err)
		}
		list, err := st.Documents(ctx, knowledge.ListOptions{Commune: "-"})
		if err != nil || len(list) != 1 || list[0].ID != "b" {
			t.Errorf("province-wide documents = %v, %v; want b", list, err)
		}
		if err := st.DeleteDocument(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		if err := st.DeleteDocument(ctx, "a"); !errors.Is(err, knowledge.ErrNotFound) {
			t.Errorf("second delete: %v, want ErrNotFound", err)
		}
		if _, err := st.Document(ctx, "a"); !errors.Is(err, knowledge.ErrNotFound) {
			t.Errorf("deleted document: %v, want ErrNotFound", err)
		}
		docs, passages, err := st.CountDocuments(ctx)
		if err != nil || docs != 1 || passages != 1 {
			t.Errorf("count = %d, %d, %v; want 1, 1", docs, passages, err)
		}
		if err := kb.Hide(ctx, "b", "xa-b", "officer"); err != nil {
			t.Fatal(err)
		}
		changes, err := st.ChangesSince(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		// a was written at 1 and deleted at 3: it appears once, last.
		want := []knowledge.Change{{Seq: 2, Item: "b"}, {Seq: 3, Item: "a"}, {Seq: 4, Item: "#hidden"}}
		if diff := cmp.Diff(want, changes); diff != "" {
			t.Errorf("changes (-want +got):\n%s", diff)
		}
		if last, err := st.LastChange(ctx); err != nil || last != 4 {
			t.Errorf("last change = %d, %v; want 4", last, err)
		}
		if err := st.SetMeta(ctx, "k", "1"); err != nil {
			t.Fatal(err)
		}
		if err := st.SetMeta(ctx, "k", "2"); err != nil {
			t.Fatal(err)
		}
		if v, err := st.Meta(ctx, "k"); err != nil || v != "2" {
			t.Errorf("meta = %q, %v; want 2", v, err)
		}
	})
}
