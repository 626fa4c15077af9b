package knowledge

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/hoidap/hoidap/internal/sqldb"
)

// changesChannel is the PostgreSQL channel a write announces its change
// number on, so that the other replicas catch up at once instead of at
// their next poll.
const changesChannel = "hoidap_knowledge"

// hiddenItem is what the change sequence records a change of the hidden
// procedures against; document IDs never hold '#'.
const hiddenItem = "#hidden"

// Change is one entry of the change sequence: what changed last at Seq.
type Change struct {
	Seq  int64
	Item string // a document ID, or hiddenItem
}

// bump gives item the next number of the change sequence inside tx and
// announces it on commit. The counter row stays locked until tx ends, so
// numbers are committed in their order.
func (s *Store) bump(ctx context.Context, tx *sql.Tx, item string) (int64, error) {
	var seq int64
	if err := tx.QueryRowContext(ctx, "UPDATE change_counter SET seq = seq + 1 WHERE id = 1 RETURNING seq").Scan(&seq); err != nil {
		return 0, fmt.Errorf("knowledge: change sequence: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO changes(item, seq) VALUES (?, ?)
		ON CONFLICT(item) DO UPDATE SET seq = excluded.seq`, item, seq); err != nil {
		return 0, fmt.Errorf("knowledge: change %s: %w", item, err)
	}
	if err := sqldb.Notify(ctx, tx, sqldb.DialectOf(s.db), changesChannel, strconv.FormatInt(seq, 10)); err != nil {
		return 0, fmt.Errorf("knowledge: announce change: %w", err)
	}
	return seq, nil
}

// LastChange returns the number of the last change committed, 0 when
// there is none.
func (s *Store) LastChange(ctx context.Context) (int64, error) {
	var seq int64
	if err := s.db.QueryRowContext(ctx, "SELECT seq FROM change_counter WHERE id = 1").Scan(&seq); err != nil {
		return 0, fmt.Errorf("knowledge: last change: %w", err)
	}
	return seq, nil
}

// ChangesSince returns what changed after seq, in the order of the
// changes; an item changed twice appears once, at its last number.
func (s *Store) ChangesSince(ctx context.Context, seq int64) ([]Change, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT seq, item FROM changes WHERE seq > ? ORDER BY seq", seq)
	if err != nil {
		return nil, fmt.Errorf("knowledge: changes: %w", err)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		if err := rows.Scan(&c.Seq, &c.Item); err != nil {
			return nil, fmt.Errorf("knowledge: changes: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SettleChanges moves the change counter of db up to the largest number
// its changes hold, after a copy brought in another store's changes
// (hoidap migrate) but left the target's counter row as it was: the next
// write must take a number above every one a replica may have applied,
// or the replicas would skip it.
func SettleChanges(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, `UPDATE change_counter
		SET seq = (SELECT COALESCE(MAX(seq), 0) FROM changes)
		WHERE id = 1 AND seq < (SELECT COALESCE(MAX(seq), 0) FROM changes)`)
	if err != nil {
		return fmt.Errorf("knowledge: settle the change counter: %w", err)
	}
	return nil
}
