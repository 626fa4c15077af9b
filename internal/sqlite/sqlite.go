// Package sqlite opens the service's SQLite database and applies a
// package's migrations to it. The knowledge base and the office's records
// keep their tables in the one database, each with migrations of its own.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Open opens (creating if needed) the SQLite database at path. An empty
// path opens a private in-memory database, for tests.
func Open(path string) (*sql.DB, error) {
	// The WAL is copied back into the database every 10,000 pages (40 MB)
	// instead of SQLite's 1,000: under load each answer record rewrites
	// the same last pages, and a page is copied once per checkpoint.
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=wal_autocheckpoint(10000)&_txlock=immediate"
	if path == "" {
		dsn = "file::memory:?_pragma=foreign_keys(1)&_txlock=immediate"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if path == "" {
		// Every connection to :memory: is a database of its own.
		db.SetMaxOpenConns(1)
	}
	// Under load each request runs a few statements: with database/sql's
	// default of 2 idle connections, others are opened (pragmas and all)
	// and closed again per request.
	db.SetMaxIdleConns(8)
	return db, nil
}

// Version reads and writes the number of the last migration a package
// applied; set runs inside the migration's transaction.
type Version struct {
	Get func(ctx context.Context, db *sql.DB) (int, error)
	Set func(ctx context.Context, tx *sql.Tx, n int) error
}

// Migrate applies the scripts of fsys matching pattern ("migrations/*.sql",
// each named NNNN_what.sql) whose number is above the version, in order,
// each in a transaction with its version.
func Migrate(ctx context.Context, db *sql.DB, fsys fs.FS, pattern string, v Version) error {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	sort.Strings(names)
	version, err := v.Get(ctx, db)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	last := 0
	for _, name := range names {
		base := name[strings.LastIndexByte(name, '/')+1:]
		n, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: bad name", name)
		}
		// Two scripts with one number: the second would be skipped as
		// done on every database that ran the first.
		if n == last {
			return fmt.Errorf("migration %s: number %d used twice", name, n)
		}
		last = n
		if n <= version {
			continue
		}
		if err := apply(ctx, db, fsys, name, n, v); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

func apply(ctx context.Context, db *sql.DB, fsys fs.FS, name string, n int, v Version) error {
	script, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, string(script)); err != nil {
		return err
	}
	if err := v.Set(ctx, tx, n); err != nil {
		return err
	}
	return tx.Commit()
}

// UserVersion keeps the version in SQLite's user_version: the knowledge
// base's key, which also counted the records' migrations before they had
// a package of their own.
func UserVersion() Version {
	return Version{Get: readUserVersion, Set: func(ctx context.Context, tx *sql.Tx, n int) error {
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", n))
		return err
	}}
}

// readUserVersion returns SQLite's user_version of db.
func readUserVersion(ctx context.Context, db *sql.DB) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&n)
	return n, err
}
