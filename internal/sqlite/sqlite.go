// Package sqlite opens the service's SQLite database, with the settings
// the service runs it with. The knowledge base and the office's records
// keep their tables in the one database; package sqldb applies their
// migrations.
package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sync"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Open opens (creating if needed) the SQLite database at path. An empty
// path opens a private in-memory database, for tests.
//
// A file's WAL is copied back into the database by a goroutine of its own
// (see checkpointer), never by a commit: SQLite's automatic checkpoint
// runs inside the commit that crosses its threshold, so one answer in
// every few thousand waited for it.
func Open(path string) (*sql.DB, error) {
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=wal_autocheckpoint(0)&_txlock=immediate"
	if path == "" {
		dsn = "file::memory:?_pragma=foreign_keys(1)&_txlock=immediate"
	}
	// sql.Open connects to nothing: it finds the registered driver.
	probe, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	c := &connector{dsn: dsn, drv: probe.Driver(), stop: make(chan struct{})}
	probe.Close()
	db := sql.OpenDB(c)
	if path == "" {
		// Every connection to :memory: is a database of its own.
		db.SetMaxOpenConns(1)
	} else {
		c.done.Add(1)
		go func() {
			defer c.done.Done()
			newCheckpointer().run(db, c.stop)
		}()
	}
	// Under load each request runs a few statements: with database/sql's
	// default of 2 idle connections, others are opened (pragmas and all)
	// and closed again per request.
	db.SetMaxIdleConns(8)
	return db, nil
}

// connector opens the driver's connections to dsn and, when the database
// closes (database/sql calls Close), stops its checkpointer.
type connector struct {
	dsn  string
	drv  driver.Driver
	stop chan struct{}
	once sync.Once
	done sync.WaitGroup
}

func (c *connector) Connect(context.Context) (driver.Conn, error) { return c.drv.Open(c.dsn) }

func (c *connector) Driver() driver.Driver { return c.drv }

func (c *connector) Close() error {
	c.once.Do(func() { close(c.stop) })
	c.done.Wait()
	return nil
}
