package records

import (
	"context"
	"time"
)

// DefaultRetentionDays is how long conversation records and the
// questions left for the office (with their phone numbers) are kept
// unless the operator says otherwise.
const DefaultRetentionDays = 180

// idempotencyKeyTTL is how long an Idempotency-Key's response is
// replayed.
const idempotencyKeyTTL = 24 * time.Hour

// Purged counts what Retain deleted.
type Purged struct {
	Answers int // answer records
	Tickets int // questions left for the office, with names and phone numbers
}

// Retain deletes the answer records and the tickets older than days (0
// means DefaultRetentionDays) and the Idempotency-Keys older than a day.
func (s *Store) Retain(ctx context.Context, days int) (Purged, error) {
	if days <= 0 {
		days = DefaultRetentionDays
	}
	now := s.Now()
	var p Purged
	var err error
	if p.Answers, err = s.PurgeAnswers(ctx, now.AddDate(0, 0, -days)); err != nil {
		return p, err
	}
	if p.Tickets, err = s.PurgeTickets(ctx, now.AddDate(0, 0, -days)); err != nil {
		return p, err
	}
	_, err = s.PurgeIdempotencyKeys(ctx, now.Add(-idempotencyKeyTTL))
	return p, err
}
