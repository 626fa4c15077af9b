package sqldb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// openPostgres opens the PostgreSQL database of url through pgx, with
// the ? placeholders of the statements the service shares with SQLite
// turned into PostgreSQL's $1, $2, … on their way to the server.
func openPostgres(url string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		// pgx masks the password in its parse errors.
		return nil, fmt.Errorf("sqldb: open postgres: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		// An unreachable server fails a start or a request, not hangs it.
		cfg.ConnectTimeout = 5 * time.Second
	}
	db := sql.OpenDB(pgConnector{inner: stdlib.GetConnector(*cfg), cfg: cfg})
	// A replica shares the server with others: a bounded pool.
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(8)
	return db, nil
}

// pgConnector makes connections that rebind placeholders.
type pgConnector struct {
	inner driver.Connector
	cfg   *pgx.ConnConfig // for connections of their own (Listen)
}

func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return pgConn{conn.(*stdlib.Conn)}, nil
}

func (c pgConnector) Driver() driver.Driver { return pgDriver{cfg: c.cfg} }

// pgDriver marks a database opened by openPostgres; it opens nothing by
// name.
type pgDriver struct{ cfg *pgx.ConnConfig }

func (pgDriver) Open(string) (driver.Conn, error) {
	return nil, errors.New("sqldb: open PostgreSQL with sqldb.Open")
}

// pgConn is pgx's connection with every statement's ? placeholders
// rebound; everything else is pgx's own (transactions, pings, session
// resets, argument checks).
type pgConn struct{ *stdlib.Conn }

func (c pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.Conn.Prepare(Rebind(query))
}

func (c pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, Rebind(query))
}

func (c pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, Rebind(query), args)
}

func (c pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, Rebind(query), args)
}

// Rebind turns the ? placeholders of query into $1, $2, …, leaving alone
// those inside quoted strings, quoted names and comments.
func Rebind(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		case c == '\'' || c == '"':
			end := strings.IndexByte(query[i+1:], c)
			if end < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+end+2])
			i += end + 1
			continue
		case c == '-' && strings.HasPrefix(query[i:], "--"):
			end := strings.IndexByte(query[i:], '\n')
			if end < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+end])
			i += end - 1
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
