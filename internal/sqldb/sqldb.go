// Package sqldb opens the service's database, SQLite or PostgreSQL, and
// applies a package's migrations to it. It is the only place that knows
// which engine it talks to: statements elsewhere are written once, with ?
// placeholders, in the SQL both engines share; each engine has its own
// migration scripts.
package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/hoidap/hoidap/internal/sqlite"
)

// Dialect names a database engine.
type Dialect int

// The engines the service runs on.
const (
	SQLite Dialect = iota
	PostgreSQL
)

// String returns the engine's name as its migrations' folder has it:
// "sqlite" or "postgres".
func (d Dialect) String() string {
	if d == PostgreSQL {
		return "postgres"
	}
	return "sqlite"
}

// IsURL reports whether dsn names a PostgreSQL database rather than a
// SQLite file.
func IsURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the database dsn names: a postgres:// URL opens PostgreSQL,
// anything else is the path of a SQLite file (created if needed), and ""
// a private SQLite database in memory, for tests.
func Open(dsn string) (*sql.DB, error) {
	if IsURL(dsn) {
		return openPostgres(dsn)
	}
	return sqlite.Open(dsn)
}

// DialectOf returns the engine behind db, as opened by Open or
// sqlite.Open.
func DialectOf(db *sql.DB) Dialect {
	if _, ok := db.Driver().(pgDriver); ok {
		return PostgreSQL
	}
	return SQLite
}

// Version reads and writes the number of the last migration a package
// applied; set runs inside the migration's transaction.
type Version struct {
	Get func(ctx context.Context, db *sql.DB) (int, error)
	Set func(ctx context.Context, tx *sql.Tx, n int) error
}

// Migrate applies the scripts of fsys matching pattern ("migrations/*.sql",
// each named NNNN_what.sql) whose number is above the version, in order,
// each in a transaction with its version. On PostgreSQL it holds the
// advisory lock LockMigrations meanwhile, so replicas that start together
// apply each script once.
func Migrate(ctx context.Context, db *sql.DB, fsys fs.FS, pattern string, v Version) error {
	release, err := Lock(ctx, db, LockMigrations)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	defer release()
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	if len(names) == 0 {
		return fmt.Errorf("migrations: none match %s", pattern)
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

// MigrateDialect applies the scripts in dir's folder for db's engine
// (dir/sqlite/*.sql or dir/postgres/*.sql), as Migrate does.
func MigrateDialect(ctx context.Context, db *sql.DB, fsys fs.FS, dir string, v Version) error {
	return Migrate(ctx, db, fsys, dir+"/"+DialectOf(db).String()+"/*.sql", v)
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

// NamedVersion keeps the version in the row name of the table
// schema_versions (made when missing): one row per package whose
// migrations share a database. No row reads as 0.
func NamedVersion(name string) Version {
	return Version{
		Get: func(ctx context.Context, db *sql.DB) (int, error) {
			if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_versions (
				name    TEXT PRIMARY KEY,
				version INTEGER NOT NULL
			)`); err != nil {
				return 0, err
			}
			var n int
			err := db.QueryRowContext(ctx, "SELECT version FROM schema_versions WHERE name = ?", name).Scan(&n)
			if errors.Is(err, sql.ErrNoRows) {
				return 0, nil
			}
			return n, err
		},
		Set: func(ctx context.Context, tx *sql.Tx, n int) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_versions(name, version) VALUES (?, ?)
				ON CONFLICT(name) DO UPDATE SET version = excluded.version`, name, n)
			return err
		},
	}
}

// readUserVersion returns SQLite's user_version of db.
func readUserVersion(ctx context.Context, db *sql.DB) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&n)
	return n, err
}
