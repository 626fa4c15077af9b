package knowledge

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// KeepsOriginals reports whether uploaded originals are kept in the
// database rather than as files in the data directory: when replicas
// share it, so that none holds a file the others lack.
func (b *Base) KeepsOriginals() bool { return b.shared }

// PutOriginal keeps the bytes of an uploaded file under path.
func (b *Base) PutOriginal(ctx context.Context, path string, data []byte) error {
	_, err := b.store.db.ExecContext(ctx, "INSERT INTO originals(path, data, created_at) VALUES (?, ?, ?)",
		path, data, b.store.Now().Unix())
	if err != nil {
		return fmt.Errorf("knowledge: keep original %s: %w", path, err)
	}
	return nil
}

// Original returns the bytes kept under path, or ErrNotFound.
func (b *Base) Original(ctx context.Context, path string) ([]byte, error) {
	var data []byte
	err := b.store.db.QueryRowContext(ctx, "SELECT data FROM originals WHERE path = ?", path).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("knowledge: original %s: %w", path, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("knowledge: original %s: %w", path, err)
	}
	return data, nil
}

// DeleteOriginal removes what is kept under path; none is no error.
func (b *Base) DeleteOriginal(ctx context.Context, path string) error {
	if _, err := b.store.db.ExecContext(ctx, "DELETE FROM originals WHERE path = ?", path); err != nil {
		return fmt.Errorf("knowledge: delete original %s: %w", path, err)
	}
	return nil
}

// OriginalsBefore returns the paths of the originals kept before t.
func (b *Base) OriginalsBefore(ctx context.Context, t time.Time) ([]string, error) {
	rows, err := b.store.db.QueryContext(ctx, "SELECT path FROM originals WHERE created_at < ? ORDER BY path", t.Unix())
	if err != nil {
		return nil, fmt.Errorf("knowledge: originals: %w", err)
	}
	defer rows.Close()
	var paths []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, fmt.Errorf("knowledge: originals: %w", err)
		}
		paths = append(paths, p)
	}
	return paths, rows.Err()
}
