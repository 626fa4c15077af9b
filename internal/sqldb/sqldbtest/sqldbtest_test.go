package sqldbtest_test

import (
	"context"
	"os"
	"testing"

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
