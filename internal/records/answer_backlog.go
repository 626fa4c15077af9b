package records

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
	"time"
)

// MaxAnswerBacklog bounds the answer records kept in memory while the
// database is down: about 10 MB at most, several hours of a province's
// questions. Past it, new records are dropped and counted.
const MaxAnswerBacklog = 10_000

// backlogRetry is how often the backlog tries the database again.
const backlogRetry = time.Second

// errDatabaseDown marks a batch that was not written because the database
// does not answer: its records go to the backlog.
var errDatabaseDown = errors.New("records: database down")

// answerBacklog keeps the answer records written while the database was
// down, in order, and writes them when it returns. Its fields are guarded
// by answerWriter.mu.
type answerBacklog struct {
	queued   []*pendingAnswer
	dropped  int64
	flushing bool          // a flush goroutine runs
	stop     chan struct{} // closed by close: flush once more, then end
	stopOnce sync.Once
	flushed  sync.WaitGroup
}

// AnswerBacklog reports the answer records waiting in memory for the
// database, and how many were dropped since the start because the
// backlog was full.
func (s *Store) AnswerBacklog() (queued int, dropped int64) {
	s.answers.mu.Lock()
	defer s.answers.mu.Unlock()
	return len(s.answers.backlog.queued), s.answers.backlog.dropped
}

// queueLocked adds batch to the backlog, dropping what does not fit, and
// starts the flush; the caller holds w.mu.
func (w *answerWriter) queueLocked(db *sql.DB, batch []*pendingAnswer) {
	b := &w.backlog
	room := max(MaxAnswerBacklog-len(b.queued), 0)
	if len(batch) > room {
		b.dropped += int64(len(batch) - room)
		batch = batch[:room]
	}
	b.queued = append(b.queued, batch...)
	if b.flushing || len(b.queued) == 0 {
		return
	}
	if b.stop == nil {
		b.stop = make(chan struct{})
	}
	b.flushing = true
	b.flushed.Add(1)
	go w.flush(db, b.stop)
}

// flush writes the backlog, oldest first, once the database answers
// again, and ends when the backlog is empty or, after one last try, when
// the store closes.
func (w *answerWriter) flush(db *sql.DB, stop chan struct{}) {
	defer w.backlog.flushed.Done()
	tick := time.NewTicker(backlogRetry)
	defer tick.Stop()
	stopping := false
	for {
		select {
		case <-stop:
			stopping = true
		case <-tick.C:
		}
		for {
			w.mu.Lock()
			batch := w.backlog.queued[:min(len(w.backlog.queued), maxAnswerBatch)]
			if len(batch) == 0 {
				w.backlog.flushing = false
				w.mu.Unlock()
				return
			}
			w.mu.Unlock()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			err := writeBacklog(ctx, db, batch)
			cancel()
			if errors.Is(err, errDatabaseDown) {
				break
			}
			// Written, or refused by a database that answers (a record
			// written before a commit's reply was lost): either way done.
			w.mu.Lock()
			w.backlog.queued = w.backlog.queued[len(batch):]
			w.mu.Unlock()
		}
		if stopping {
			w.mu.Lock()
			w.backlog.flushing = false
			w.mu.Unlock()
			return
		}
	}
}

// writeBacklog inserts batch in one transaction, or each record alone when
// that fails on a database that answers; errDatabaseDown when it does
// not. It prepares no statement: the answer writer's are its writer's.
func writeBacklog(ctx context.Context, db *sql.DB, batch []*pendingAnswer) error {
	q := insertAnswers + strings.Repeat(answerValues+", ", len(batch)-1) + answerValues
	args := make([]any, 0, len(batch)*len(batch[0].args))
	for _, p := range batch {
		args = append(args, p.args...)
	}
	if _, err := db.ExecContext(ctx, q, args...); err == nil {
		return nil
	}
	if down(ctx, db) {
		return errDatabaseDown
	}
	for _, p := range batch {
		_, _ = db.ExecContext(ctx, insertAnswer, p.args...)
	}
	return nil
}

// down reports whether db fails to answer a ping within two seconds.
func down(ctx context.Context, db *sql.DB) bool {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return db.PingContext(ctx) != nil
}

// closeBacklog makes the flush try once more and waits for it.
func (w *answerWriter) closeBacklog() {
	w.mu.Lock()
	stop := w.backlog.stop
	w.mu.Unlock()
	if stop != nil {
		w.backlog.stopOnce.Do(func() { close(stop) })
	}
	w.backlog.flushed.Wait()
}
