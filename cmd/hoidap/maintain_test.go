package main

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/records"
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
