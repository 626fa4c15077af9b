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
