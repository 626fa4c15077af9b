// Package records keeps the office's own rows on the service's database,
// beside the knowledge base's documents: administrators' accounts,
// sessions, API tokens and failed logins; communes' office details and
// the lookup that prefers them over the demo commune and the national
// directory; posters and their scans; answer records and feedback (with
// the writer that commits them in batches, and their retention);
// analytics; approved answers; the questions residents leave for the
// office (tickets); and the admin API's idempotency keys. It
// knows nothing about HTTP, LLMs or search.
package records

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"log/slog"
	"time"

	"github.com/hoidap/hoidap/internal/fault"
	"github.com/hoidap/hoidap/internal/sqldb"
)

// Sentinel errors callers can test with errors.Is; the same values as the
// knowledge base's.
var (
	// ErrNotFound means the user, token, poster, commune or answer does
	// not exist.
	ErrNotFound = fault.ErrNotFound
	// ErrInvalid means the input was rejected as malformed.
	ErrInvalid = fault.ErrInvalid
)

// The records' migrations, one folder per engine (migrations/sqlite,
// migrations/postgres), the same numbers in each.
//
//go:embed migrations
var migrations embed.FS

// versionKey names the records' row in schema_versions.
const versionKey = "records"

// Store keeps the office's records. It shares the database of the
// knowledge base, which owns and closes it.
type Store struct {
	db       *sql.DB
	answers  answerWriter // commits concurrent answer records together
	approved approvedMemo // the approved answers' version, as last read
	follow   follower     // other replicas' changes, on PostgreSQL
	Now      func() time.Time
	ownDB    bool // opened by OpenFile: Close closes it
}

// Open applies the records' pending migrations to db (SQLite or
// PostgreSQL, as opened by package sqldb) and returns their store. The
// caller closes db after Close.
func Open(ctx context.Context, db *sql.DB) (*Store, error) {
	v := sqldb.Version{Get: readVersion, Set: sqldb.NamedVersion(versionKey).Set}
	if err := sqldb.MigrateDialect(ctx, db, migrations, "migrations", v); err != nil {
		return nil, fmt.Errorf("records: %w", err)
	}
	s := &Store{db: db, Now: time.Now}
	s.startFollowing(slog.Default())
	return s, nil
}

// OpenFile opens the database dsn names with the records alone, for
// tools and tests: a SQLite file's path ("" for a private one in memory)
// or a postgres:// URL. Close closes it.
func OpenFile(ctx context.Context, dsn string) (*Store, error) {
	db, err := sqldb.Open(dsn)
	if err != nil {
		return nil, fmt.Errorf("records: %w", err)
	}
	s, err := Open(ctx, db)
	if err != nil {
		db.Close()
		return nil, err
	}
	s.ownDB = true
	return s, nil
}

// DB returns the database, for tests and the metrics of its pool.
func (s *Store) DB() *sql.DB { return s.db }

// Close stops the answer writer; the database stays open unless the
// store was opened by OpenFile.
func (s *Store) Close() error {
	s.stopFollowing()
	s.answers.close()
	if s.ownDB {
		return s.db.Close()
	}
	return nil
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// legacyMarks tells how far the knowledge base got with the records'
// scripts when it ran them: each is a query that finds what one script
// made, by the script's number, last first.
func legacyMarks() []legacyMark {
	return []legacyMark{
		{7, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'idempotency_keys'"},
		{6, "SELECT COUNT(*) FROM pragma_table_info('approved_answers') WHERE name = 'wordings'"},
		{4, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'communes'"},
		{3, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'users'"},
		{2, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'scans'"},
		{1, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'answers'"},
	}
}

type legacyMark struct {
	n     int
	query string
}

// readVersion returns the number of the last records script applied. A
// SQLite database without a row of its own was made by the service when
// the knowledge base ran these scripts in its own sequence, or is new:
// what its tables hold says which scripts ran, whatever the knowledge
// base has applied since, and that is kept as the records' version. A
// PostgreSQL database never had those days.
func readVersion(ctx context.Context, db *sql.DB) (int, error) {
	n, err := sqldb.NamedVersion(versionKey).Get(ctx, db)
	if err != nil || n > 0 || sqldb.DialectOf(db) != sqldb.SQLite {
		return n, err
	}
	for _, m := range legacyMarks() {
		var found int
		if err := db.QueryRowContext(ctx, m.query).Scan(&found); err != nil {
			return 0, err
		}
		if found > 0 {
			n = m.n
			break
		}
	}
	if n == 0 {
		return 0, nil
	}
	_, err = db.ExecContext(ctx, "INSERT INTO schema_versions(name, version) VALUES (?, ?)", versionKey, n)
	return n, err
}
