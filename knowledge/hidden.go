package knowledge

import (
	"context"
	"fmt"
	"sync"
)

// Hidden records a procedure hidden from a commune's residents ("" for
// the whole province): one that does not apply to them.
type Hidden struct {
	DocID   string
	Commune string
	By      string
}

// hiddenSet is the hidden documents by commune, kept in memory for
// search; the store holds them.
type hiddenSet struct {
	mu sync.RWMutex
	by map[string]map[string]bool // commune ("" province-wide) -> doc IDs
}

// hides reports whether a document is hidden for commune.
func (h *hiddenSet) hides(commune, docID string) bool {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return h.by[""][docID] || commune != "" && h.by[commune][docID]
}

// count returns how many documents are hidden for commune, the province's
// included.
func (h *hiddenSet) count(commune string) int {
	h.mu.RLock()
	defer h.mu.RUnlock()
	n := len(h.by[""])
	if commune != "" {
		n += len(h.by[commune])
	}
	return n
}

func (h *hiddenSet) set(commune, docID string, hidden bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.by == nil {
		h.by = make(map[string]map[string]bool)
	}
	if !hidden {
		delete(h.by[commune], docID)
		return
	}
	if h.by[commune] == nil {
		h.by[commune] = make(map[string]bool)
	}
	h.by[commune][docID] = true
}

// Hide hides a document from the residents of commune ("" for the whole
// province): search leaves it out from now on. The document must exist.
func (b *Base) Hide(ctx context.Context, docID, commune, by string) error {
	if _, err := b.store.Document(ctx, docID); err != nil {
		return err
	}
	b.writes.Lock()
	defer b.writes.Unlock()
	defer b.invalidate()
	sp, err := b.store.setHidden(ctx, docID, commune, by, true)
	if err != nil {
		return err
	}
	b.hidden.set(commune, docID, true)
	b.applied(sp)
	return nil
}

// Unhide shows a hidden document to the residents of commune again.
func (b *Base) Unhide(ctx context.Context, docID, commune string) error {
	b.writes.Lock()
	defer b.writes.Unlock()
	defer b.invalidate()
	sp, err := b.store.setHidden(ctx, docID, commune, "", false)
	if err != nil {
		return err
	}
	b.hidden.set(commune, docID, false)
	b.applied(sp)
	return nil
}

// setHidden hides a document from commune's residents, or shows it again,
// as a change of the sequence.
func (s *Store) setHidden(ctx context.Context, docID, commune, by string, hidden bool) (span, error) {
	var sp span
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return sp, fmt.Errorf("knowledge: hide %s: %w", docID, err)
	}
	defer tx.Rollback()
	if hidden {
		_, err = tx.ExecContext(ctx, `INSERT INTO hidden_documents(doc_id, commune, hidden_by, hidden_at) VALUES (?, ?, ?, ?)
		ON CONFLICT(doc_id, commune) DO NOTHING`, docID, commune, by, s.Now().Unix())
	} else {
		_, err = tx.ExecContext(ctx, `DELETE FROM hidden_documents WHERE doc_id = ? AND commune = ?`, docID, commune)
	}
	if err != nil {
		return sp, fmt.Errorf("knowledge: hide %s: %w", docID, err)
	}
	seq, err := s.bump(ctx, tx, hiddenItem)
	if err != nil {
		return sp, err
	}
	sp.add(seq)
	if err := tx.Commit(); err != nil {
		return span{}, fmt.Errorf("knowledge: hide %s: %w", docID, err)
	}
	return sp, nil
}

// HiddenFor lists the documents hidden from commune's residents, the
// province-wide ones included.
func (b *Base) HiddenFor(ctx context.Context, commune string) ([]Hidden, error) {
	rows, err := b.store.db.QueryContext(ctx, `SELECT doc_id, commune, hidden_by FROM hidden_documents
		WHERE commune = '' OR commune = ? ORDER BY hidden_at DESC`, commune)
	if err != nil {
		return nil, fmt.Errorf("knowledge: hidden: %w", err)
	}
	defer rows.Close()
	var out []Hidden
	for rows.Next() {
		var h Hidden
		if err := rows.Scan(&h.DocID, &h.Commune, &h.By); err != nil {
			return nil, fmt.Errorf("knowledge: hidden: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// IsHidden reports whether a document is hidden from commune's residents.
func (b *Base) IsHidden(docID, commune string) bool { return b.hidden.hides(commune, docID) }

// loadHidden reads the hidden documents into memory, in place of what
// was there.
func (b *Base) loadHidden(ctx context.Context) error {
	rows, err := b.store.db.QueryContext(ctx, `SELECT doc_id, commune FROM hidden_documents`)
	if err != nil {
		return fmt.Errorf("knowledge: hidden: %w", err)
	}
	defer rows.Close()
	var fresh hiddenSet
	for rows.Next() {
		var id, commune string
		if err := rows.Scan(&id, &commune); err != nil {
			return fmt.Errorf("knowledge: hidden: %w", err)
		}
		fresh.set(commune, id, true)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("knowledge: hidden: %w", err)
	}
	b.hidden.mu.Lock()
	defer b.hidden.mu.Unlock()
	b.hidden.by = fresh.by
	return nil
}

// visible drops the hits hidden from q's commune, keeping at most limit.
func (b *Base) visible(q Query, hits []Hit, limit int) []Hit {
	if b.hidden.count(q.Commune) == 0 {
		return hits
	}
	kept := hits[:0]
	for _, h := range hits {
		if !b.hidden.hides(q.Commune, h.DocID) {
			kept = append(kept, h)
		}
	}
	if len(kept) > limit {
		kept = kept[:limit]
	}
	return kept
}
