// Package sqlite opens the service's SQLite database, with the settings
// the service runs it with. The knowledge base and the office's records
// keep their tables in the one database; package sqldb applies their
// migrations.
package sqlite

import (
	"database/sql"
	"fmt"

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
