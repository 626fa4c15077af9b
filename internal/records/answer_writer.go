package records

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"sync"
	"time"
)

// maxAnswerBatch bounds how many answer records one transaction writes
// (below 1<<len(answerWriter.stmts)).
const maxAnswerBatch = 128

// answerWriter commits the answer records of concurrent requests in one
// transaction (group commit). Each RecordAnswer still returns only once its
// record is committed, so analytics, feedback, backups and shutdown see
// every answer that was returned, while under load the per-answer cost of
// a transaction, a statement parse and a WAL sync is shared. While the
// database does not answer, records wait in a bounded backlog in memory
// instead, and RecordAnswer returns at once: a resident's answer never
// waits for a database that is down. The zero value is ready for use.
type answerWriter struct {
	mu      sync.Mutex
	pending []*pendingAnswer
	writing bool // a caller is writing a batch; the others wait for it
	busy    bool // the last batch held records of several callers
	// stmts[k] inserts 1<<k rows; used by the writing caller only.
	stmts   [8]*sql.Stmt
	backlog answerBacklog
}

// answerBatchDelay is how long the writer of a batch waits for more
// records when the previous batch showed concurrent callers. A lone
// answer is written at once.
const answerBatchDelay = 500 * time.Microsecond

type pendingAnswer struct {
	id   string
	args []any
	done chan answerResult // buffered: the writer never blocks on it
}

// answerResult tells a waiting caller its record's fate, or that it must
// now write the batch that gathered while the previous one was written.
type answerResult struct {
	err  error
	lead bool
}

const (
	insertAnswers = `INSERT INTO answers
	(id, session, commune, poster, question, answer, mode, grounded, sources, latency_ms, tokens, created_at)
	VALUES `
	answerValues = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	insertAnswer = insertAnswers + answerValues
)

// record queues p and returns once it is committed. The first caller to
// find nobody writing writes the queue in one transaction; callers
// arriving meanwhile wait and the first of them writes the next batch, so
// no caller writes for others more than once.
func (w *answerWriter) record(ctx context.Context, db *sql.DB, p *pendingAnswer) error {
	w.mu.Lock()
	if len(w.backlog.queued) > 0 {
		// The database was down a moment ago: the record waits behind
		// the others, in order, and the answer does not.
		w.queueLocked(db, []*pendingAnswer{p})
		w.mu.Unlock()
		return nil
	}
	w.pending = append(w.pending, p)
	if w.writing {
		w.mu.Unlock()
		// A caller that has queued its record cannot leave: it may be
		// handed the next batch to write.
		res := <-p.done
		if !res.lead {
			return res.err
		}
		w.mu.Lock()
	}
	w.writing = true
	if w.busy && len(w.pending) < maxAnswerBatch/2 {
		// Under load the records of the next few hundred microseconds
		// join this batch: each commit costs about as much as the
		// records in it, and answering waits for it anyway.
		w.mu.Unlock()
		time.Sleep(answerBatchDelay)
		w.mu.Lock()
	}
	batch := w.pending
	if len(batch) > maxAnswerBatch {
		batch = batch[:maxAnswerBatch]
	}
	w.pending = append([]*pendingAnswer(nil), w.pending[len(batch):]...)
	queued := len(w.backlog.queued) > 0
	w.mu.Unlock()

	errs := make([]error, len(batch))
	if !queued {
		// The batch is others' records too: the caller's cancellation
		// must not lose them.
		wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		errs = w.writeAnswers(wctx, db, batch)
		cancel()
	}

	w.mu.Lock()
	if queued || errors.Is(errs[0], errDatabaseDown) {
		w.queueLocked(db, batch)
		clear(errs)
	}
	w.busy = len(batch) > 1
	if len(w.pending) > 0 {
		w.pending[0].done <- answerResult{lead: true}
	} else {
		w.writing = false
	}
	w.mu.Unlock()
	var mine error
	for i, q := range batch {
		if q == p {
			mine = errs[i]
			continue
		}
		q.done <- answerResult{err: errs[i]}
	}
	return mine
}

// writeAnswers inserts batch in one transaction; when that fails (one bad
// record, a duplicate id) it writes each record alone, so that one
// record's error is its own.
func (w *answerWriter) writeAnswers(ctx context.Context, db *sql.DB, batch []*pendingAnswer) []error {
	errs := make([]error, len(batch))
	if err := w.insertTx(ctx, db, batch); err == nil {
		return errs
	}
	if down(ctx, db) {
		for i := range errs {
			errs[i] = errDatabaseDown
		}
		return errs
	}
	for i, p := range batch {
		if _, err := db.ExecContext(ctx, insertAnswer, p.args...); err != nil {
			errs[i] = fmt.Errorf("records: record answer %s: %w", p.id, err)
		}
	}
	return errs
}

func (w *answerWriter) insertTx(ctx context.Context, db *sql.DB, batch []*pendingAnswer) (err error) {
	// Statements are prepared before the transaction takes a connection:
	// an in-memory store has only one.
	for n := len(batch); n > 0; {
		k := bits.Len(uint(n)) - 1
		if _, err := w.statement(ctx, db, k); err != nil {
			return err
		}
		n -= 1 << k
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	// A statement's run costs more than the row it writes, and parsing a
	// long one more again: the batch is written in runs of 128, 64, … 1
	// rows, each by a statement prepared once.
	for len(batch) > 0 {
		k := bits.Len(uint(len(batch))) - 1 // the largest run that fits
		st, err := w.statement(ctx, db, k)
		if err != nil {
			return err
		}
		n := 1 << k
		args := make([]any, 0, n*len(batch[0].args))
		for _, p := range batch[:n] {
			args = append(args, p.args...)
		}
		if _, err := tx.StmtContext(ctx, st).ExecContext(ctx, args...); err != nil {
			return err
		}
		batch = batch[n:]
	}
	return tx.Commit()
}

// statement returns the insert of 1<<k rows, preparing it the first time.
// Only the caller writing a batch calls it.
func (w *answerWriter) statement(ctx context.Context, db *sql.DB, k int) (*sql.Stmt, error) {
	if st := w.stmts[k]; st != nil {
		return st, nil
	}
	q := insertAnswers + strings.Repeat(answerValues+", ", 1<<k-1) + answerValues
	st, err := db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	w.stmts[k] = st
	return st, nil
}

// close writes what waits in the backlog if the database answers, and
// releases the prepared statements.
func (w *answerWriter) close() {
	w.closeBacklog()
	w.mu.Lock()
	defer w.mu.Unlock()
	for k, st := range w.stmts {
		if st != nil {
			_ = st.Close()
			w.stmts[k] = nil
		}
	}
}
