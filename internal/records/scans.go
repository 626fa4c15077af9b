package records

import (
	"context"
	"fmt"
	"time"
)

// ScanCount is how many times one poster's QR code was scanned on one day.
type ScanCount struct {
	Commune string
	Poster  string
	Day     string // YYYY-MM-DD in the zone of the time given to CountScan
	Count   int
}

// CountScan adds one scan of the poster's QR code for the commune on the
// calendar day of day (in day's own location).
func (s *Store) CountScan(ctx context.Context, commune, poster string, day time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO scans(commune, poster, day, count) VALUES(?, ?, ?, 1)
		ON CONFLICT(commune, poster, day) DO UPDATE SET count = scans.count + 1`,
		commune, poster, day.Format(time.DateOnly))
	if err != nil {
		return fmt.Errorf("records: count scan %s/%s: %w", commune, poster, err)
	}
	return nil
}

// Scans returns the scan counts of a commune ("" for every commune) from
// the day of since onwards, by day, commune and poster.
func (s *Store) Scans(ctx context.Context, commune string, since time.Time) ([]ScanCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT commune, poster, day, count FROM scans
		WHERE (? = '' OR commune = ?) AND day >= ? ORDER BY day, commune, poster`,
		commune, commune, since.Format(time.DateOnly))
	if err != nil {
		return nil, fmt.Errorf("records: scans: %w", err)
	}
	defer rows.Close()
	var out []ScanCount
	for rows.Next() {
		var sc ScanCount
		if err := rows.Scan(&sc.Commune, &sc.Poster, &sc.Day, &sc.Count); err != nil {
			return nil, fmt.Errorf("records: scans: %w", err)
		}
		out = append(out, sc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("records: scans: %w", err)
	}
	return out, nil
}
