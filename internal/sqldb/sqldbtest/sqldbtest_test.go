package sqldbtest_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/sqldb"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

func TestMain(m *testing.M) { os.Exit(sqldbtest.Main(m)) }

// Each engine opens, knows its dialect, and takes ? placeholders.
func TestEachEngine(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, dsn string) {
		db, err := sqldb.Open(dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		want := sqldb.SQLite
		if dsn != "" {
			want = sqldb.PostgreSQL
		}
		if got := sqldb.DialectOf(db); got != want {
			t.Errorf("dialect %v, want %v", got, want)
		}
		var got string
		if err := db.QueryRowContext(context.Background(), "SELECT ? || '?' || ?", "a", "b").Scan(&got); err != nil || got != "a?b" {
			t.Errorf("placeholders: %q, %v", got, err)
		}
	})
}

// A listener hears what is notified on commit, not on rollback; after the
// server restarts it connects again by itself, says so (an empty
// payload, for its owner to catch up), and hears again.
func TestListenAcrossRestart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, err := sqldb.Open(sqldbtest.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	heard := make(chan string, 16)
	done := make(chan error, 1)
	go func() {
		done <- sqldb.Listen(ctx, db, "test_channel", func(p string) { heard <- p }, func(error) {})
	}()
	next := func(what string) string {
		t.Helper()
		select {
		case p := <-heard:
			return p
		case <-time.After(10 * time.Second):
			t.Fatalf("nothing heard: %s", what)
			return ""
		}
	}
	if p := next("connected"); p != "" {
		t.Fatalf("first payload %q, want the empty one of a connection", p)
	}
	notify := func(payload string, commit bool) error {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if err := sqldb.Notify(ctx, tx, sqldb.PostgreSQL, "test_channel", payload); err != nil {
			return err
		}
		if commit {
			return tx.Commit()
		}
		return nil
	}
	if err := notify("rolled back", false); err != nil {
		t.Fatal(err)
	}
	if err := notify("1", true); err != nil {
		t.Fatal(err)
	}
	if p := next("a commit"); p != "1" {
		t.Errorf("heard %q, want 1 (and never the rolled back one)", p)
	}

	sqldbtest.Restart(t)
	if p := next("reconnected"); p != "" {
		t.Fatalf("after the restart: %q, want the empty payload of a new connection", p)
	}
	// The pool's connections died with the server: the first statement
	// may fail on one of them.
	deadline := time.Now().Add(5 * time.Second)
	for notify("2", true) != nil {
		if time.Now().After(deadline) {
			t.Fatal("no notification sent within 5 s of the restart")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if p := next("a commit after the restart"); p != "2" {
		t.Errorf("heard %q, want 2", p)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Listen returned %v when its context ended", err)
	}
}

// A server of the test's own stops and starts; a pool opened before the
// stop reconnects by itself after the start.
func TestServerStopStart(t *testing.T) {
	srv := sqldbtest.NewServer(t)
	db, err := sqldb.Open(srv.Database(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		t.Fatal(err)
	}
	srv.Stop(t)
	if err := db.PingContext(ctx); err == nil {
		t.Error("ping answered with the server stopped")
	}
	srv.Start(t)
	if err := db.PingContext(ctx); err != nil {
		t.Errorf("ping after the restart: %v", err)
	}
}
