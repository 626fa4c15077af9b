package records

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/hoidap/hoidap/internal/sqldb"
)

// recordsChannel is the PostgreSQL channel on which a change of what
// replicas keep in memory (approved answers, commune details) is
// announced, with the records_meta key of its version as the payload.
const recordsChannel = "hoidap_records"

// communesVersionKey is the records_meta key of a counter bumped by every
// save of a commune's details.
const communesVersionKey = "communes_version"

// followEvery is how often a replica reads the versions of what it keeps
// in memory when no notification came.
const followEvery = time.Second

// bumpVersion counts a change of key's rows inside tx and announces it to
// the other replicas when tx commits.
func (s *Store) bumpVersion(ctx context.Context, tx *sql.Tx, key string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO records_meta(key, value) VALUES(?, '1')
		ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(records_meta.value AS INTEGER) + 1 AS TEXT)`, key); err != nil {
		return fmt.Errorf("records: %s: %w", key, err)
	}
	if err := sqldb.Notify(ctx, tx, sqldb.DialectOf(s.db), recordsChannel, key); err != nil {
		return fmt.Errorf("records: announce %s: %w", key, err)
	}
	return nil
}

// follower keeps a replica's memory of the records up with the other
// replicas' writes: approved answers' version and stored communes.
type follower struct {
	stop context.CancelFunc
	done sync.WaitGroup

	mu       sync.Mutex
	seen     map[string]string   // records_meta key -> value last read
	handlers map[string][]func() // records_meta key -> what to do when it moves
}

// onChange calls fn (from the follower's goroutine) whenever another
// replica changes the rows versioned by key.
func (s *Store) onChange(key string, fn func()) {
	s.follow.mu.Lock()
	defer s.follow.mu.Unlock()
	if s.follow.handlers == nil {
		s.follow.handlers = map[string][]func(){}
	}
	s.follow.handlers[key] = append(s.follow.handlers[key], fn)
}

// startFollowing starts following the other replicas when the database
// is shared (PostgreSQL); SQLite has this process as its only writer.
func (s *Store) startFollowing(log *slog.Logger) {
	if sqldb.DialectOf(s.db) != sqldb.PostgreSQL {
		return
	}
	s.onChange(approvedVersionKey, s.approved.forget)
	ctx, stop := context.WithCancel(context.Background())
	s.follow.stop = stop
	wake := make(chan struct{}, 1)
	nudge := func(string) {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	s.follow.done.Add(2)
	go func() {
		defer s.follow.done.Done()
		_ = sqldb.Listen(ctx, s.db, recordsChannel, nudge, func(err error) {
			log.Warn("listen for records changes: polling until it reconnects", slog.Any("error", err))
		})
	}()
	go func() {
		defer s.follow.done.Done()
		tick := time.NewTicker(followEvery)
		defer tick.Stop()
		for {
			if err := s.checkVersions(ctx); err != nil && ctx.Err() == nil {
				log.Debug("read records versions", slog.Any("error", err))
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			case <-wake:
			}
		}
	}()
}

// stopFollowing stops the follower, if it runs, and waits for it.
func (s *Store) stopFollowing() {
	if s.follow.stop != nil {
		s.follow.stop()
	}
	s.follow.done.Wait()
}

// checkVersions reads the versions of what replicas keep in memory and
// calls the handlers of those that moved since the last read; the first
// read only remembers them.
func (s *Store) checkVersions(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM records_meta WHERE key IN (?, ?)`,
		approvedVersionKey, communesVersionKey)
	if err != nil {
		return err
	}
	now := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			rows.Close()
			return err
		}
		now[k] = v
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	s.follow.mu.Lock()
	first := s.follow.seen == nil
	var run []func()
	for k, fns := range s.follow.handlers {
		if !first && now[k] != s.follow.seen[k] {
			run = append(run, fns...)
		}
	}
	s.follow.seen = now
	s.follow.mu.Unlock()
	for _, fn := range run {
		fn()
	}
	return nil
}
