package main

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

func TestMaintainPurgesAndStops(t *testing.T) {
	ctx := context.Background()
	rs, err := records.OpenFile(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rs.Close() })
	now := time.Now()
	for i, age := range []time.Duration{31 * 24 * time.Hour, 29 * 24 * time.Hour} {
		r := records.AnswerRecord{ID: string(rune('a' + i)), Question: "q", Mode: "extractive", Created: now.Add(-age)}
		if err := rs.RecordAnswer(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	var sweeps atomic.Int32
	sweep := func(context.Context, time.Duration) (int, error) { sweeps.Add(1); return 0, nil }
	mctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { maintain(mctx, rs, 30, sweep, slog.New(slog.DiscardHandler)); close(done) }()
	deadline := time.Now().Add(5 * time.Second)
	for {
		sum, err := rs.Summarize(ctx, records.Range{}, time.UTC, 1, 1)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Total == 1 && sweeps.Load() == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d records left, want the one younger than 30 days; %d sweeps, want 1", sum.Total, sweeps.Load())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("maintain did not stop with its context")
	}
}

// Two replicas on one PostgreSQL purge at once: while one purges, the
// other leaves it to the first.
func TestRetainOneReplicaAtATime(t *testing.T) {
	ctx := context.Background()
	url := sqldbtest.Postgres(t)
	var stores [2]*records.Store
	for i := range stores {
		rs, err := records.OpenFile(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { rs.Close() })
		stores[i] = rs
	}
	log := slog.New(slog.DiscardHandler)
	// Replica A is in the middle of its purge: it holds the lock.
	release, ok, err := sqldb.TryLock(ctx, stores[0].DB(), sqldb.LockRetention)
	if err != nil || !ok {
		t.Fatalf("lock: %v %v", ok, err)
	}
	if retain(ctx, stores[1], 30, log) {
		t.Error("replica B purged while A was purging")
	}
	release()
	if !retain(ctx, stores[1], 30, log) {
		t.Error("replica B did not purge once A had finished")
	}
}
