package knowledge

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is the SQLite store: the source of truth for documents, passages
// and answer records.
type Store struct {
	db       *sql.DB
	answers  answerWriter // commits concurrent answer records together
	approved approvedMemo // the approved answers' version, as last read
	Now      func() time.Time
}

// OpenStore opens (creating if needed) the SQLite database at path and
// applies pending migrations. An empty path opens a private in-memory
// database, for tests.
func OpenStore(ctx context.Context, path string) (*Store, error) {
	// The WAL is copied back into the database every 10,000 pages (40 MB)
	// instead of SQLite's 1,000: under load each answer record rewrites
	// the same last pages, and a page is copied once per checkpoint.
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=wal_autocheckpoint(10000)&_txlock=immediate"
	if path == "" {
		dsn = "file::memory:?_pragma=foreign_keys(1)&_txlock=immediate"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("knowledge: open store: %w", err)
	}
	if path == "" {
		// Every connection to :memory: is a database of its own.
		db.SetMaxOpenConns(1)
	}
	// Under load each request runs a few statements: with database/sql's
	// default of 2 idle connections, others are opened (pragmas and all)
	// and closed again per request.
	db.SetMaxIdleConns(8)
	s := &Store{db: db, Now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// DB returns the underlying database, for packages that keep tables of
// their own in the same store.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error {
	s.answers.close()
	return s.db.Close()
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("knowledge: migrations: %w", err)
	}
	sort.Strings(names)
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("knowledge: read schema version: %w", err)
	}
	last := 0
	for _, name := range names {
		n, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(name, "migrations/"), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("knowledge: migration %s: bad name", name)
		}
		// Two scripts with one number: the second would be skipped as
		// done on every database that ran the first.
		if n == last {
			return fmt.Errorf("knowledge: migration %s: number %d used twice", name, n)
		}
		last = n
		if n <= version {
			continue
		}
		script, err := migrations.ReadFile(name)
		if err != nil {
			return fmt.Errorf("knowledge: migration %s: %w", name, err)
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("knowledge: migration %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, string(script)); err != nil {
			tx.Rollback()
			return fmt.Errorf("knowledge: migration %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", n)); err != nil {
			tx.Rollback()
			return fmt.Errorf("knowledge: migration %s: %w", name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("knowledge: migration %s: %w", name, err)
		}
	}
	return nil
}

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
