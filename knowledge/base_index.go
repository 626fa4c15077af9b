package knowledge

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

func (b *Base) openIndex(ctx context.Context, dir string, dict *vietnamese.Dictionary) error {
	start := time.Now()
	bi, fresh, err := openBleve(dir)
	if err != nil {
		return err
	}
	b.index = newIndex(bi, dict)
	b.index.keepProcedures = b.shared
	if !fresh && b.shared {
		seq, ok := b.index.appliedChange()
		if !ok {
			// An index that does not say how far it follows the change
			// sequence cannot catch up: it is built again.
			b.log.Warn("index does not follow the change sequence: rebuilding it", slog.String("dir", dir))
			if err := b.index.Close(); err != nil {
				return err
			}
			if err := os.RemoveAll(dir); err != nil {
				return fmt.Errorf("knowledge: remove index: %w", err)
			}
			return b.openIndex(ctx, dir, dict)
		}
		b.appliedSeq.Store(seq)
	}
	if fresh {
		// Changes committed while filling are caught up after it.
		last, err := b.store.LastChange(ctx)
		if err != nil {
			return err
		}
		if err := b.fill(ctx); err != nil {
			return err
		}
		if err := b.setApplied(last); err != nil {
			return err
		}
		b.log.Info("index built from store", slog.Int("documents", b.index.Len()), slog.Duration("took", time.Since(start)))
		return nil
	}
	var docs []Document
	err = b.store.EachDocument(ctx, func(d Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return err
	}
	b.index.remember(docs)
	if err := b.replay(ctx); err != nil {
		return err
	}
	if b.shared {
		if err := b.catchUpLocked(ctx); err != nil {
			return err
		}
	}
	if b.agrees(ctx) || dir == "" {
		return nil
	}
	// Garbage segment files can open as an empty index: it must hold what
	// the store holds, or it is rebuilt.
	b.log.Warn("index disagrees with the store: rebuilding it", slog.String("dir", dir))
	if err := b.index.Close(); err != nil {
		b.log.Warn("close index", slog.Any("error", err))
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("knowledge: remove index: %w", err)
	}
	return b.openIndex(ctx, dir, dict)
}

// agrees reports whether the index holds as many passages as the store.
func (b *Base) agrees(ctx context.Context) bool {
	n, err := b.index.bleve.DocCount()
	if err != nil {
		return false
	}
	_, passages, err := b.store.CountDocuments(ctx)
	return err == nil && int(n) == passages
}

// fill indexes every document of the store into an empty index.
func (b *Base) fill(ctx context.Context) error {
	var batch []Document
	flush := func() error {
		if err := b.index.put(batch, nil); err != nil {
			return err
		}
		batch = batch[:0]
		return nil
	}
	err := b.store.EachDocument(ctx, func(d Document) error {
		batch = append(batch, d)
		if len(batch) == 200 {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	return b.store.ClearQueue(ctx)
}

// replay brings the index up to date with writes the store has and the
// index may not, after a crash between the two.
func (b *Base) replay(ctx context.Context) error {
	ids, err := b.store.Pending(ctx)
	if err != nil || len(ids) == 0 {
		return err
	}
	var docs []Document
	var gone []string
	for _, id := range ids {
		d, err := b.store.Document(ctx, id)
		switch {
		case errors.Is(err, ErrNotFound):
			gone = append(gone, id)
		case err != nil:
			return err
		default:
			docs = append(docs, d)
		}
	}
	if err := b.index.put(docs, gone); err != nil {
		return err
	}
	b.log.Info("index caught up with store", slog.Int("documents", len(ids)))
	return b.store.MarkIndexed(ctx, ids)
}
