package knowledge

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/hoidap/hoidap/internal/sqldb"
)

// DefaultPollEvery is how often a replica sharing the database looks for
// changes when no notification came: the safety net under LISTEN/NOTIFY.
const DefaultPollEvery = time.Second

// appliedKey is the bleve internal key of the last change number the
// index has applied, so that a replica restarted catches up from there.
const appliedKey = "hoidap_applied_change"

// appliedChange returns the change number the index has applied, and
// false when it does not say (an index older than the change sequence).
func (ix *Index) appliedChange() (int64, bool) {
	v, err := ix.bleve.GetInternal([]byte(appliedKey))
	if err != nil || v == nil {
		return 0, false
	}
	n, err := strconv.ParseInt(string(v), 10, 64)
	return n, err == nil
}

func (ix *Index) setAppliedChange(seq int64) error {
	if err := ix.bleve.SetInternal([]byte(appliedKey), []byte(strconv.FormatInt(seq, 10))); err != nil {
		return fmt.Errorf("knowledge: index applied change: %w", err)
	}
	return nil
}

// setApplied records that the index holds every change up to seq. The
// caller holds b.writes.
func (b *Base) setApplied(seq int64) error {
	b.appliedSeq.Store(seq)
	return b.index.setAppliedChange(seq)
}

// applied moves the applied change number past a write of this process
// that the index already has, when nothing from another replica came in
// between; otherwise the next catch-up applies both. The caller holds
// b.writes.
func (b *Base) applied(sp span) {
	if !b.shared || sp.first == 0 || sp.first != b.appliedSeq.Load()+1 {
		return
	}
	if err := b.setApplied(sp.last); err != nil {
		b.log.Warn("record applied change", slog.Any("error", err))
	}
}

// CatchUp applies to the index and the caches what other replicas wrote
// since the index last caught up. Replicas call it by themselves; tests
// call it to skip the wait.
func (b *Base) CatchUp(ctx context.Context) error {
	b.writes.Lock()
	defer b.writes.Unlock()
	return b.catchUpLocked(ctx)
}

func (b *Base) catchUpLocked(ctx context.Context) error {
	last, err := b.store.LastChange(ctx)
	applied := b.appliedSeq.Load()
	switch {
	case err != nil:
		return err
	case last == applied:
		return nil
	case last < applied:
		// The database went back in time (restored from a backup, or a
		// failover to a standby that lagged): what the index applied
		// may be gone, and numbers it has seen will be taken again.
		b.log.Warn("the database's change sequence went back: indexing it all again",
			slog.Int64("index", applied), slog.Int64("database", last))
		return b.resyncLocked(ctx, last)
	}
	changes, err := b.store.ChangesSince(ctx, applied)
	if err != nil || len(changes) == 0 {
		return err
	}
	var docs []Document
	var gone []string
	hidden := false
	for _, c := range changes {
		if c.Item == hiddenItem {
			hidden = true
			continue
		}
		d, err := b.store.Document(ctx, c.Item)
		switch {
		case errors.Is(err, ErrNotFound):
			gone = append(gone, c.Item)
		case err != nil:
			return err
		default:
			docs = append(docs, d)
		}
	}
	defer b.invalidate()
	if err := b.index.put(docs, gone); err != nil {
		return err
	}
	if hidden {
		if err := b.loadHidden(ctx); err != nil {
			return err
		}
	}
	return b.setApplied(changes[len(changes)-1].Seq)
}

// resyncLocked makes the index hold what the store holds, every document
// written again and those the store lacks removed, while searches go on,
// and records last as applied. The caller holds b.writes.
func (b *Base) resyncLocked(ctx context.Context, last int64) error {
	defer b.invalidate()
	var docs []Document
	have := map[string]bool{}
	err := b.store.EachDocument(ctx, func(d Document) error {
		docs = append(docs, d)
		have[d.ID] = true
		return nil
	})
	if err != nil {
		return err
	}
	var gone []string
	for _, id := range b.index.ids() {
		if !have[id] {
			gone = append(gone, id)
		}
	}
	if err := b.index.put(docs, gone); err != nil {
		return err
	}
	if err := b.loadHidden(ctx); err != nil {
		return err
	}
	return b.setApplied(last)
}

// ids returns the IDs of the documents in the index.
func (ix *Index) ids() []string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := make([]string, 0, len(ix.docs))
	for id := range ix.docs {
		out = append(out, id)
	}
	return out
}

// follow keeps the index and caches of a replica up with the shared
// database until ctx ends: at once when PostgreSQL notifies a change, and
// every poll interval in case a notification was lost (the listener was
// reconnecting). It says once when catching up fails, and once when it
// works again.
func (b *Base) follow(ctx context.Context, every time.Duration) {
	wake := make(chan struct{}, 1)
	nudge := func(payload string) {
		if n, err := strconv.ParseInt(payload, 10, 64); err == nil && n <= b.appliedSeq.Load() {
			return // this replica's own write, already applied
		}
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	b.following.Add(1)
	go func() {
		defer b.following.Done()
		err := sqldb.Listen(ctx, b.store.db, changesChannel, nudge, func(err error) {
			b.log.Warn("listen for changes: polling until it reconnects", slog.Any("error", err))
		})
		if err != nil {
			b.log.Error("listen for changes", slog.Any("error", err))
		}
	}()
	tick := time.NewTicker(every)
	defer tick.Stop()
	failing := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-wake:
		}
		err := b.CatchUp(ctx)
		switch {
		case err != nil && !failing && ctx.Err() == nil:
			b.log.Warn("catch up with the database", slog.Any("error", err))
			failing = true
		case err == nil && failing:
			b.log.Info("caught up with the database again", slog.Int64("change", b.appliedSeq.Load()))
			failing = false
		}
	}
}
