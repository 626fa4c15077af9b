package sqldb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"hash/fnv"
)

// The advisory locks the service takes on PostgreSQL, by name: each is
// held by one replica at a time.
const (
	// LockMigrations serializes the migrations of replicas that start
	// together.
	LockMigrations = "hoidap:migrations"
	// LockStart serializes the writes a replica makes as it starts
	// (the first administrator).
	LockStart = "hoidap:start"
	// LockRetention lets one replica at a time purge old records.
	LockRetention = "hoidap:retention"
)

// lockKey is the 64-bit key of PostgreSQL's advisory lock named name.
func lockKey(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return int64(h.Sum64())
}

// Lock holds the advisory lock name on PostgreSQL, waiting for it, until
// the returned release is called; on SQLite, whose file has one writer at
// a time and one process, it does nothing. The lock lives on a
// connection of its own, so a replica that dies releases it.
func Lock(ctx context.Context, db *sql.DB, name string) (release func(), err error) {
	release, ok, err := lock(ctx, db, name, "SELECT pg_advisory_lock(?) IS NOT NULL")
	if err == nil && !ok {
		release()
		err = fmt.Errorf("sqldb: lock %s: not granted", name)
	}
	return release, err
}

// TryLock takes the advisory lock name on PostgreSQL if no one holds it,
// and reports whether it did; release frees it (and is a no-op when ok is
// false). On SQLite it always succeeds.
func TryLock(ctx context.Context, db *sql.DB, name string) (release func(), ok bool, err error) {
	return lock(ctx, db, name, "SELECT pg_try_advisory_lock(?)")
}

func lock(ctx context.Context, db *sql.DB, name, query string) (func(), bool, error) {
	nothing := func() {}
	if DialectOf(db) != PostgreSQL {
		return nothing, true, nil
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nothing, false, fmt.Errorf("sqldb: lock %s: %w", name, err)
	}
	key := lockKey(name)
	var ok bool
	if err := conn.QueryRowContext(ctx, query, key).Scan(&ok); err != nil {
		conn.Close()
		return nothing, false, fmt.Errorf("sqldb: lock %s: %w", name, err)
	}
	if !ok {
		conn.Close()
		return nothing, false, nil
	}
	return func() {
		// A failed unlock leaves the lock on a connection that must not
		// go back to the pool: ErrBadConn from Raw makes database/sql
		// drop it.
		if _, err := conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock(?)", key); err != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		conn.Close()
	}, true, nil
}
