package knowledge

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/hoidap/hoidap/internal/sqldb"
)

// The knowledge base's migrations, one folder per engine
// (migrations/sqlite, migrations/postgres), the same numbers in each. On
// SQLite they are versioned by user_version. Until the office's records
// had a package of their own, their scripts were numbered in the same
// sequence (2-4, 6 and 7 are theirs now, in internal/records), so a
// database made then is at 7 and the next script here is numbered 8 or
// above.
//
//go:embed migrations
var migrations embed.FS

// schemaVersionKey names the knowledge base's row in PostgreSQL's
// schema_versions, which the records share.
const schemaVersionKey = "knowledge"

// Store is the store of documents and passages, their source of truth:
// a SQLite file, or a PostgreSQL database that replicas share.
type Store struct {
	db  *sql.DB
	Now func() time.Time
}

// OpenStore opens the database dsn names and applies pending migrations:
// a postgres:// URL, or the path of a SQLite file (created if needed). An
// empty dsn opens a private in-memory database, for tests.
func OpenStore(ctx context.Context, dsn string) (*Store, error) {
	db, err := sqldb.Open(dsn)
	if err != nil {
		return nil, fmt.Errorf("knowledge: open store: %w", err)
	}
	if err := Migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, Now: time.Now}, nil
}

// Migrate applies the knowledge base's pending migrations to db, of
// either engine: for a database that a copy fills before any base opens
// it (hoidap migrate).
func Migrate(ctx context.Context, db *sql.DB) error {
	if err := sqldb.MigrateDialect(ctx, db, migrations, "migrations", schemaVersion(db)); err != nil {
		return fmt.Errorf("knowledge: %w", err)
	}
	return nil
}

// schemaVersion is where db keeps the number of the last script applied:
// SQLite's user_version, as ever, or a row of PostgreSQL's
// schema_versions.
func schemaVersion(db *sql.DB) sqldb.Version {
	if sqldb.DialectOf(db) == sqldb.SQLite {
		return sqldb.UserVersion()
	}
	return sqldb.NamedVersion(schemaVersionKey)
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
