package sqlite

import (
	"context"
	"database/sql"
	"time"
)

const (
	// checkpointEvery is how often the WAL is copied back into the
	// database, without waiting for anyone (PASSIVE): about a second's
	// writes, a few hundred pages under load.
	checkpointEvery = time.Second
	// walRestartPages bounds the WAL (4 KB pages: 80 MB): past it, readers
	// kept a passive checkpoint from finishing, and the next one waits for
	// them (RESTART), holding writers back for that while.
	walRestartPages = 20_000
	// idleTruncate is how long the WAL must go unwritten before it is
	// truncated to nothing, giving its disk space back.
	idleTruncate = 30 * time.Second
)

// checkpointer copies a database's WAL back into it from outside the
// request path.
type checkpointer struct {
	lastFrames int       // the WAL's frames at the last checkpoint
	still      time.Time // since when the WAL has not changed
	truncated  bool      // the WAL was truncated and has not been written since
	now        func() time.Time
}

func newCheckpointer() *checkpointer { return &checkpointer{now: time.Now} }

// run checkpoints db every checkpointEvery until stop is closed.
func (c *checkpointer) run(db *sql.DB, stop <-chan struct{}) {
	tick := time.NewTicker(checkpointEvery)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_ = c.step(ctx, db)
		cancel()
	}
}

// step runs one checkpoint, of the mode the WAL's state calls for.
func (c *checkpointer) step(ctx context.Context, db *sql.DB) error {
	frames, done, err := checkpoint(ctx, db, "PASSIVE")
	if err != nil {
		return err
	}
	now := c.now()
	switch {
	case frames > walRestartPages && done < frames:
		_, _, err = checkpoint(ctx, db, "RESTART")
	case frames != c.lastFrames:
		c.still, c.truncated = now, false
	case frames > 0 && !c.truncated && now.Sub(c.still) >= idleTruncate:
		// A reader or another checkpoint can keep it from finishing
		// (busy): the next step tries again.
		var busy bool
		if busy, err = truncate(ctx, db); err == nil && !busy {
			c.truncated = true
			frames = 0
		}
	}
	c.lastFrames = frames
	return err
}

// checkpoint runs PRAGMA wal_checkpoint(mode) and returns the frames in
// the WAL and how many of them are in the database now.
func checkpoint(ctx context.Context, db *sql.DB, mode string) (frames, done int, err error) {
	var busy int
	err = db.QueryRowContext(ctx, "PRAGMA wal_checkpoint("+mode+")").Scan(&busy, &frames, &done)
	return frames, done, err
}

// truncate runs PRAGMA wal_checkpoint(TRUNCATE) and reports whether it
// was kept from finishing.
func truncate(ctx context.Context, db *sql.DB) (busy bool, err error) {
	var b, frames, done int
	err = db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&b, &frames, &done)
	return b != 0, err
}
