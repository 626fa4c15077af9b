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
	_, err := b.store.db.ExecContext(ctx, `INSERT INTO hidden_documents(doc_id, commune, hidden_by, hidden_at) VALUES (?, ?, ?, ?)
		ON CONFLICT(doc_id, commune) DO NOTHING`, docID, commune, by, b.store.Now().Unix())
	if err != nil {
		return fmt.Errorf("knowledge: hide %s: %w", docID, err)
	}
	b.hidden.set(commune, docID, true)
	return nil
}

// Unhide shows a hidden document to the residents of commune again.
func (b *Base) Unhide(ctx context.Context, docID, commune string) error {
	b.writes.Lock()
	defer b.writes.Unlock()
	defer b.invalidate()
	if _, err := b.store.db.ExecContext(ctx, `DELETE FROM hidden_documents WHERE doc_id = ? AND commune = ?`, docID, commune); err != nil {
		return fmt.Errorf("knowledge: unhide %s: %w", docID, err)
	}
	b.hidden.set(commune, docID, false)
	return nil
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

// loadHidden reads the hidden documents into memory.
func (b *Base) loadHidden(ctx context.Context) error {
	rows, err := b.store.db.QueryContext(ctx, `SELECT doc_id, commune FROM hidden_documents`)
	if err != nil {
		return fmt.Errorf("knowledge: hidden: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, commune string
		if err := rows.Scan(&id, &commune); err != nil {
			return fmt.Errorf("knowledge: hidden: %w", err)
		}
		b.hidden.set(commune, id, true)
	}
	return rows.Err()
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
