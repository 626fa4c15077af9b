package knowledge

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/hoidap/hoidap/internal/sqldb"
)

// ErrExists means a backup would overwrite an existing file.
var ErrExists = errors.New("knowledge: file exists")

// Backup writes a consistent copy of the store to path while the service
// keeps reading and writing: SQLite's VACUUM INTO copies one read
// transaction's view. The copy is written beside path and put in place
// whole, so a backup cut short leaves no file at path. An existing file at
// path is never overwritten.
func (s *Store) Backup(ctx context.Context, path string) error {
	if sqldb.DialectOf(s.db) != sqldb.SQLite {
		return fmt.Errorf("knowledge: backup to %s: the store is PostgreSQL's: back it up with pg_dump: %w", path, ErrInvalid)
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("knowledge: backup to %s: %w", path, ErrExists)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("knowledge: backup to %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.partial")
	if err != nil {
		return fmt.Errorf("knowledge: backup to %s: %w", path, err)
	}
	partial := tmp.Name()
	// VACUUM INTO wants to create the file itself.
	tmp.Close()
	os.Remove(partial)
	defer os.Remove(partial)
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", partial); err != nil {
		return fmt.Errorf("knowledge: backup to %s: %w", path, err)
	}
	// A hard link fails rather than replace a file that appeared meanwhile.
	if err := os.Link(partial, path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("knowledge: backup to %s: %w", path, ErrExists)
		}
		return fmt.Errorf("knowledge: backup to %s: %w", path, err)
	}
	return nil
}
