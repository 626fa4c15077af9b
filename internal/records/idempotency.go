package records

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// abandonedClaim is how long a claimed Idempotency-Key may stay without
// a response before a retry takes it over: its request died with the
// process. An upload is bounded well below it.
const abandonedClaim = 15 * time.Minute

// Replay is what a request with an Idempotency-Key finds of an earlier
// one with the same key.
type Replay struct {
	Fingerprint string // of the earlier request's content
	Status      int    // its response's status; 0 while it runs
	Body        []byte // its response
}

// ClaimIdempotencyKey records that the request of scope (a user) with
// key and fingerprint runs now, and reports true; or it reports false
// with what the earlier request of that key left.
func (s *Store) ClaimIdempotencyKey(ctx context.Context, scope, key, fingerprint string) (Replay, bool, error) {
	now := s.Now()
	res, err := s.db.ExecContext(ctx, `INSERT INTO idempotency_keys(scope, key, fingerprint, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT(scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, created_at = excluded.created_at
		WHERE idempotency_keys.status = 0 AND idempotency_keys.created_at < ?`,
		scope, key, fingerprint, now.Unix(), now.Add(-abandonedClaim).Unix())
	if err != nil {
		return Replay{}, false, fmt.Errorf("records: claim idempotency key: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return Replay{}, true, nil
	}
	var r Replay
	err = s.db.QueryRowContext(ctx, "SELECT fingerprint, status, body FROM idempotency_keys WHERE scope = ? AND key = ?",
		scope, key).Scan(&r.Fingerprint, &r.Status, &r.Body)
	if errors.Is(err, sql.ErrNoRows) { // released in between: try again
		return s.ClaimIdempotencyKey(ctx, scope, key, fingerprint)
	}
	if err != nil {
		return Replay{}, false, fmt.Errorf("records: claim idempotency key: %w", err)
	}
	return r, false, nil
}

// FinishIdempotencyKey keeps the response of a claimed key, which
// later requests with it get instead of running again.
func (s *Store) FinishIdempotencyKey(ctx context.Context, scope, key string, status int, body []byte) error {
	_, err := s.db.ExecContext(ctx, "UPDATE idempotency_keys SET status = ?, body = ? WHERE scope = ? AND key = ?",
		status, body, scope, key)
	if err != nil {
		return fmt.Errorf("records: finish idempotency key: %w", err)
	}
	return nil
}

// ReleaseIdempotencyKey forgets a claimed key whose request failed, so
// that a retry runs again.
func (s *Store) ReleaseIdempotencyKey(ctx context.Context, scope, key string) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM idempotency_keys WHERE scope = ? AND key = ?", scope, key)
	if err != nil {
		return fmt.Errorf("records: release idempotency key: %w", err)
	}
	return nil
}

// PurgeIdempotencyKeys forgets the keys claimed before before.
func (s *Store) PurgeIdempotencyKeys(ctx context.Context, before time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, "DELETE FROM idempotency_keys WHERE created_at < ?", before.Unix())
	if err != nil {
		return 0, fmt.Errorf("records: purge idempotency keys: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
