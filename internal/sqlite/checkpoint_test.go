package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A commit never checkpoints; the checkpointer copies the WAL back and,
// once nothing has been written for a while, truncates it.
func TestCheckpointOffTheCommit(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "CREATE TABLE t (v TEXT)"); err != nil {
		t.Fatal(err)
	}
	// 3,000 commits of a page each.
	row := strings.Repeat("x", 3000)
	for range 3000 {
		if _, err := db.ExecContext(ctx, "INSERT INTO t VALUES (?)", row); err != nil {
			t.Fatal(err)
		}
	}
	var auto int
	if err := db.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&auto); err != nil || auto != 0 {
		t.Errorf("wal_autocheckpoint %d (%v): commits checkpoint", auto, err)
	}
	wal := path + "-wal"

	now := time.Now()
	c := &checkpointer{now: func() time.Time { return now }}
	if err := c.step(ctx, db); err != nil {
		t.Fatal(err)
	}
	frames, done, err := checkpoint(ctx, db, "PASSIVE")
	if err != nil || frames == 0 || done != frames {
		t.Errorf("after a step: %d of %d frames in the database (%v)", done, frames, err)
	}
	// The database's own checkpointer runs beside this one and may keep
	// a truncation from finishing once; the next step tries again.
	now = now.Add(idleTruncate)
	for range 20 {
		if err := c.step(ctx, db); err != nil {
			t.Fatal(err)
		}
		if c.truncated {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if st, err := os.Stat(wal); err != nil || st.Size() != 0 {
		t.Errorf("WAL after %v without writes: %v bytes (%v), want truncated", idleTruncate, st.Size(), err)
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM t").Scan(&n); err != nil || n != 3000 {
		t.Errorf("rows after the checkpoints: %d, %v", n, err)
	}
}

// Closing the database stops its checkpointer.
func TestCloseStopsCheckpointer(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { db.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not return")
	}
}
