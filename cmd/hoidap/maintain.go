package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb"
	"github.com/hoidap/hoidap/knowledge/ingest"
)

// maintain runs the daily housekeeping now and then once a day until ctx
// is done: conversation records and the questions left for the office
// (with their phone numbers) older than days, and Idempotency-Keys
// older than a day are deleted, and kept uploads no document refers to
// are removed by sweep (the ingest workflow's Sweep).
func maintain(ctx context.Context, rs *records.Store, days int, sweep func(context.Context, time.Duration) (int, error), log *slog.Logger) {
	tick := time.NewTicker(24 * time.Hour)
	defer tick.Stop()
	for {
		retain(ctx, rs, days, log)
		// The uploads are this replica's own files: every replica
		// sweeps its own.
		if _, err := sweep(ctx, ingest.SweepAge); err != nil && ctx.Err() == nil {
			log.Error("sweep uploads", slog.Any("error", err))
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// retain purges the records older than days, unless another replica
// sharing the database is doing it (it holds the retention lock), and
// reports whether it ran.
func retain(ctx context.Context, rs *records.Store, days int, log *slog.Logger) bool {
	release, ok, err := sqldb.TryLock(ctx, rs.DB(), sqldb.LockRetention)
	if err != nil {
		if ctx.Err() == nil {
			log.Error("purge answer records", slog.Any("error", err))
		}
		return false
	}
	if !ok {
		log.Info("purge answer records: another replica is purging")
		return false
	}
	defer release()
	n, err := rs.Retain(ctx, days)
	switch {
	case err != nil && ctx.Err() == nil:
		log.Error("purge answer records", slog.Any("error", err))
	case n.Answers > 0 || n.Tickets > 0:
		log.Info("purged answer records", slog.Int("deleted", n.Answers), slog.Int("tickets_deleted", n.Tickets),
			slog.Int("retention_days", days))
	}
	return true
}
