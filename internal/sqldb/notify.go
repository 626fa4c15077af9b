package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgxlisten"
)

// listenRetry is how long a listener waits before it connects again after
// losing the server: short, so that replicas hear of changes soon after a
// restart of PostgreSQL.
const listenRetry = time.Second

// Notify announces payload on channel, to the PostgreSQL sessions that
// listen on it, when tx commits (nothing if it rolls back). On SQLite,
// whose one process has nobody to tell, it does nothing.
func Notify(ctx context.Context, tx *sql.Tx, d Dialect, channel, payload string) error {
	if d != PostgreSQL {
		return nil
	}
	_, err := tx.ExecContext(ctx, "SELECT pg_notify(?, ?)", channel, payload)
	return err
}

// Listen calls heard with the payload of every notification on channel
// of db's PostgreSQL server, and with "" each time it has (re)connected,
// since notifications sent while it was away are lost: the caller catches
// up then. It connects again by itself after losing the server, and
// returns when ctx ends. On SQLite it returns at once. logErr hears the
// first failure after each good connection, not every retry.
func Listen(ctx context.Context, db *sql.DB, channel string, heard func(payload string), logErr func(error)) error {
	drv, ok := db.Driver().(pgDriver)
	if !ok {
		return nil
	}
	failing := false
	l := &pgxlisten.Listener{
		Connect: func(ctx context.Context) (*pgx.Conn, error) {
			return pgx.ConnectConfig(ctx, drv.cfg.Copy())
		},
		LogError: func(ctx context.Context, err error) {
			if ctx.Err() != nil || failing {
				return
			}
			failing = true
			logErr(fmt.Errorf("sqldb: listen %s: %w", channel, err))
		},
		ReconnectDelay: listenRetry,
	}
	l.Handle(channel, listenHandler{heard: heard, connected: func() { failing = false }})
	err := l.Listen(ctx)
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return nil
	}
	return err
}

// listenHandler passes notifications on, and says when it listens again.
type listenHandler struct {
	heard     func(string)
	connected func()
}

func (h listenHandler) HandleNotification(_ context.Context, n *pgconn.Notification, _ *pgx.Conn) error {
	h.heard(n.Payload)
	return nil
}

func (h listenHandler) HandleBacklog(context.Context, string, *pgx.Conn) error {
	h.connected()
	h.heard("")
	return nil
}
