package sqldb_test

import (
	"context"
	"database/sql"
	"os"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/hoidap/hoidap/internal/sqldb"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

func TestMain(m *testing.M) { os.Exit(sqldbtest.Main(m)) }

func mustOpen(tb testing.TB, dsn string) *sql.DB {
	tb.Helper()
	db, err := sqldb.Open(dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// testVersion keeps a version in a table of its own, made on first read
// (as the records' schema_versions is): two replicas making it at once
// would collide without the migrations' lock.
var testVersion = sqldb.Version{
	Get: func(ctx context.Context, db *sql.DB) (int, error) {
		if _, err := db.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS test_version (n INTEGER NOT NULL)"); err != nil {
			return 0, err
		}
		var n int
		err := db.QueryRowContext(ctx, "SELECT COALESCE(MAX(n), 0) FROM test_version").Scan(&n)
		return n, err
	},
	Set: func(ctx context.Context, tx *sql.Tx, n int) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO test_version (n) VALUES (?)", n)
		return err
	},
}

// Replicas that start together on one database each run the
// migrations: both succeed and each script runs once.
func TestMigrateConcurrently(t *testing.T) {
	url := sqldbtest.Postgres(t)
	fsys := fstest.MapFS{
		"m/0001_a.sql": {Data: []byte("CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE applied (script TEXT NOT NULL); INSERT INTO applied VALUES ('0001')")},
		"m/0002_b.sql": {Data: []byte("ALTER TABLE a ADD COLUMN b TEXT; INSERT INTO applied VALUES ('0002')")},
	}
	const replicas = 4
	var wg sync.WaitGroup
	errs := make([]error, replicas)
	for i := range replicas {
		db := mustOpen(t, url)
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = sqldb.Migrate(context.Background(), db, fsys, "m/*.sql", testVersion)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("replica %d: %v", i, err)
		}
	}
	var n int
	if err := mustOpen(t, url).QueryRow("SELECT COUNT(*) FROM applied").Scan(&n); err != nil || n != 2 {
		t.Errorf("scripts applied %d times in all, want 2 (%v)", n, err)
	}
}

// One holder of a lock at a time: a second TryLock is refused until the
// first releases; on SQLite every TryLock succeeds.
func TestTryLock(t *testing.T) {
	ctx := context.Background()
	sqldbtest.Each(t, func(t *testing.T, dsn string) {
		a, b := mustOpen(t, dsn), mustOpen(t, dsn)
		releaseA, ok, err := sqldb.TryLock(ctx, a, sqldb.LockRetention)
		if err != nil || !ok {
			t.Fatalf("first TryLock: %v %v", ok, err)
		}
		releaseB, ok, err := sqldb.TryLock(ctx, b, sqldb.LockRetention)
		if err != nil {
			t.Fatal(err)
		}
		if want := dsn == ""; ok != want {
			t.Errorf("second TryLock while held: %v, want %v", ok, want)
		}
		releaseB()
		releaseA()
		releaseB, ok, err = sqldb.TryLock(ctx, b, sqldb.LockRetention)
		if err != nil || !ok {
			t.Errorf("TryLock after release: %v %v", ok, err)
		}
		releaseB()
	})
}
