package knowledge_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hoidap/hoidap/internal/sqldb"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/portal"
)

func found(tb testing.TB, kb *knowledge.Base, q, id string) bool {
	tb.Helper()
	hits, err := kb.Search(context.Background(), knowledge.Query{Text: q, Limit: 5})
	if err != nil {
		tb.Fatal(err)
	}
	for _, h := range hits {
		if h.DocID == id {
			return true
		}
	}
	return false
}

// Two replicas on one PostgreSQL database, each with its own index: what
// one writes, deletes or hides the other's search follows within 2 s, by
// notification alone (the poll is an hour here); and a replica that was
// down when a write happened has it once it opens again.
func TestReplicasFollowEachOther(t *testing.T) {
	ctx := context.Background()
	dsn := sqldbtest.Postgres(t)
	open := func(dir string) *knowledge.Base {
		kb, err := knowledge.Open(ctx, knowledge.Config{Dir: dir, DatabaseURL: dsn, PollEvery: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { kb.Close() })
		return kb
	}
	dirA, dirB := t.TempDir(), t.TempDir()
	a, b := open(dirA), open(dirB)
	const q = "thu gom rác cồng kềnh"
	doc := knowledge.Document{ID: "rac", Title: "Thông báo thu gom rác cồng kềnh", Body: "## Thời gian\nThu gom rác cồng kềnh chiều thứ Bảy."}
	gen := b.Generation()
	if err := a.Ingest(ctx, doc); err != nil {
		t.Fatal(err)
	}
	sqldbtest.Eventually(t, 2*time.Second, "a document written on A is found on B", func() bool { return found(t, b, q, "rac") })
	// The caches are emptied once the index has the write, a moment after
	// search may find it.
	sqldbtest.Eventually(t, 2*time.Second, "B's generation moves with A's write (or its memos would stay)", func() bool { return b.Generation() != gen })
	if err := a.Hide(ctx, "rac", "", "admin"); err != nil {
		t.Fatal(err)
	}
	sqldbtest.Eventually(t, 2*time.Second, "a document hidden on A is hidden on B", func() bool { return b.IsHidden("rac", "xa-a") })
	if err := b.Unhide(ctx, "rac", ""); err != nil {
		t.Fatal(err)
	}
	sqldbtest.Eventually(t, 2*time.Second, "a document shown again on B is shown on A", func() bool { return !a.IsHidden("rac", "xa-a") })
	if err := a.Delete(ctx, "rac"); err != nil {
		t.Fatal(err)
	}
	sqldbtest.Eventually(t, 2*time.Second, "a document deleted on A is gone on B", func() bool { return !found(t, b, q, "rac") })

	// B down while A writes: nobody tells it; it catches up when it opens.
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if err := a.Ingest(ctx, doc); err != nil {
		t.Fatal(err)
	}
	b = open(dirB)
	if !found(t, b, q, "rac") {
		t.Error("a write made while B was down is not found on B once it opened again")
	}
}

// A change whose notification never came (the listener was reconnecting)
// reaches a replica by its poll.
func TestReplicaPollsForChangesNobodyAnnounced(t *testing.T) {
	ctx := context.Background()
	dsn := sqldbtest.Postgres(t)
	b, err := knowledge.Open(ctx, knowledge.Config{Dir: t.TempDir(), DatabaseURL: dsn, PollEvery: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	const q = "thu gom rác cồng kềnh"
	if err := b.Ingest(ctx, knowledge.Document{ID: "rac", Title: "Thông báo thu gom rác cồng kềnh", Body: "## Thời gian\nThu gom rác cồng kềnh chiều thứ Bảy."}); err != nil {
		t.Fatal(err)
	}
	if !found(t, b, q, "rac") {
		t.Fatal("not found after ingest")
	}
	// Another replica's delete, committed with its change number but
	// without NOTIFY.
	db, err := sqldb.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var seq int64
	if _, err := tx.ExecContext(ctx, "DELETE FROM documents WHERE id = 'rac'"); err != nil {
		t.Fatal(err)
	}
	if err := tx.QueryRowContext(ctx, "UPDATE change_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq").Scan(&seq); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE changes SET seq = ? WHERE item = 'rac'", seq); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	sqldbtest.Eventually(t, 2*time.Second, "a delete nobody announced leaves the replica's search", func() bool { return !found(t, b, q, "rac") })
}

// A database restored from a backup has a change sequence behind the
// replica's index: the replica indexes again what the database holds now,
// by itself, and searches go on meanwhile.
func TestReplicaReindexesWhenTheDatabaseWentBack(t *testing.T) {
	ctx := context.Background()
	dsn := sqldbtest.Postgres(t)
	b, err := knowledge.Open(ctx, knowledge.Config{Dir: t.TempDir(), DatabaseURL: dsn, PollEvery: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	const q = "thu gom rác cồng kềnh"
	for _, id := range []string{"rac-1", "rac-2"} {
		if err := b.Ingest(ctx, knowledge.Document{ID: id, Title: "Thông báo thu gom rác cồng kềnh " + id, Body: "## Thời gian\nThu gom rác cồng kềnh chiều thứ Bảy."}); err != nil {
			t.Fatal(err)
		}
	}
	// The backup was taken after the first write: the second is not in it.
	db, err := sqldb.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, stmt := range []string{
		"DELETE FROM documents WHERE id = 'rac-2'",
		"DELETE FROM changes WHERE item = 'rac-2'",
		"UPDATE change_counter SET seq = 1",
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	sqldbtest.Eventually(t, 2*time.Second, "a document the restored database lacks leaves the replica's search", func() bool {
		return !found(t, b, q, "rac-2") && found(t, b, q, "rac-1")
	})
}

// PostgreSQL down: a replica gives a document it never read from its
// index, passages in order and the official record's procedure whole;
// only the body is left out, as its passages hold the text.
func TestReplicaDocumentWhilePostgresIsDown(t *testing.T) {
	ctx := context.Background()
	dsn := sqldbtest.Postgres(t)
	a, err := knowledge.Open(ctx, knowledge.Config{Dir: t.TempDir(), DatabaseURL: dsn, PollEvery: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	docs, err := portal.EmbeddedDocuments("1.001193")
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, knowledge.Document{ID: "rac", Title: "Thông báo thu gom rác cồng kềnh",
		Body: "## Thời gian\nThu gom rác cồng kềnh chiều thứ Bảy.\n\n## Địa điểm\nĐầu ngõ 5."})
	if err := a.Ingest(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	b, err := knowledge.Open(ctx, knowledge.Config{Dir: t.TempDir(), DatabaseURL: dsn, PollEvery: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	var want []knowledge.Document
	for _, d := range docs {
		w, err := a.Document(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		w.Body = ""
		want = append(want, w)
	}
	up := sqldbtest.Down(t)
	defer up()
	for _, w := range want {
		got, err := b.Document(ctx, w.ID)
		if err != nil {
			t.Errorf("%s while PostgreSQL is down: %v", w.ID, err)
			continue
		}
		if diff := cmp.Diff(w, got); diff != "" {
			t.Errorf("%s from the index (-store +index):\n%s", w.ID, diff)
		}
	}
	if _, err := b.Document(ctx, "khong-co"); err == nil {
		t.Error("a document nobody wrote, while PostgreSQL is down: no error")
	}
}
