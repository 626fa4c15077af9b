package knowledge

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/hoidap/hoidap/internal/sqldb"
	"github.com/hoidap/hoidap/internal/sqlite"
)

// The knowledge base's migrations are versioned by SQLite's user_version.
// Until the office's records had a package of their own, their scripts
// were numbered in the same sequence (2-4, 6 and 7 are theirs now, in
// internal/records), so a database made then is at 7 and the next script
// here is numbered 8 or above.
//
//go:embed migrations/*.sql
var migrations embed.FS

// Store is the SQLite store: the source of truth for documents and
// passages.
type Store struct {
	db  *sql.DB
	Now func() time.Time
}

// OpenStore opens (creating if needed) the SQLite database at path and
// applies pending migrations. An empty path opens a private in-memory
// database, for tests.
func OpenStore(ctx context.Context, path string) (*Store, error) {
	db, err := sqlite.Open(path)
	if err != nil {
		return nil, fmt.Errorf("knowledge: open store: %w", err)
	}
	if err := sqldb.Migrate(ctx, db, migrations, "migrations/*.sql", sqldb.UserVersion()); err != nil {
		db.Close()
		return nil, fmt.Errorf("knowledge: %w", err)
	}
	return &Store{db: db, Now: time.Now}, nil
}

// DB returns the underlying database, for packages that keep tables of
// their own in the same store.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// Meta returns the value stored under key, or "" when there is none.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("knowledge: meta %s: %w", key, err)
	}
	return v, nil
}

// SetMeta stores value under key.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	_, err := s.db.ExecContext(ctx,
		"INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
	if err != nil {
		return fmt.Errorf("knowledge: set meta %s: %w", key, err)
	}
	return nil
}
