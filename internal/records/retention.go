package records

import (
	"context"
	"time"
)

// DefaultRetentionDays is how long conversation records are kept unless
// the operator says otherwise.
const DefaultRetentionDays = 180

// idempotencyKeyTTL is how long an Idempotency-Key's response is
// replayed.
const idempotencyKeyTTL = 24 * time.Hour

// Retain deletes the answer records older than days (0 means
// DefaultRetentionDays) and the Idempotency-Keys older than a day. It
// returns how many answer records it deleted.
func (s *Store) Retain(ctx context.Context, days int) (int, error) {
	if days <= 0 {
		days = DefaultRetentionDays
	}
	now := s.Now()
	n, err := s.PurgeAnswers(ctx, now.AddDate(0, 0, -days))
	if err != nil {
		return n, err
	}
	_, err = s.PurgeIdempotencyKeys(ctx, now.Add(-idempotencyKeyTTL))
	return n, err
}
