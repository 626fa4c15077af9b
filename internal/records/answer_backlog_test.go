package records

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

// While PostgreSQL is down, answer records wait in memory and
// RecordAnswer returns at once; when it is back they are written, in
// order, with nothing lost up to the bound and what is past it counted.
func TestAnswerBacklogWhileDatabaseDown(t *testing.T) {
	ctx := context.Background()
	srv := sqldbtest.NewServer(t)
	s, err := OpenFile(ctx, srv.Database(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rec := func(id string) AnswerRecord {
		return AnswerRecord{ID: id, Commune: "demo", Question: "khai sinh", Mode: "extractive"}
	}
	if err := s.RecordAnswer(ctx, rec("before")); err != nil {
		t.Fatal(err)
	}
	srv.Stop(t)
	const extra = 7
	t0 := time.Now()
	for i := range MaxAnswerBacklog + extra {
		if err := s.RecordAnswer(ctx, rec(fmt.Sprintf("down-%05d", i))); err != nil {
			t.Fatalf("record %d while the database is down: %v", i, err)
		}
	}
	if d := time.Since(t0); d > 5*time.Second {
		t.Errorf("%d records took %v with the database down: answers waited for it", MaxAnswerBacklog+extra, d)
	}
	queued, dropped := s.AnswerBacklog()
	if queued != MaxAnswerBacklog || dropped != extra {
		t.Errorf("backlog %d queued, %d dropped; want %d, %d", queued, dropped, MaxAnswerBacklog, extra)
	}
	srv.Start(t)
	deadline := time.Now().Add(30 * time.Second)
	for queued > 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		queued, _ = s.AnswerBacklog()
	}
	if queued > 0 {
		t.Fatalf("%d records still queued 30 s after the database returned", queued)
	}
	for _, id := range []string{"before", "down-00000", fmt.Sprintf("down-%05d", MaxAnswerBacklog-1)} {
		if _, err := s.Answer(ctx, id); err != nil {
			t.Errorf("answer %s after the database returned: %v", id, err)
		}
	}
	if _, err := s.Answer(ctx, fmt.Sprintf("down-%05d", MaxAnswerBacklog)); err == nil {
		t.Error("a record past the bound was kept")
	}
	// Back to normal: a record is committed when RecordAnswer returns.
	if err := s.RecordAnswer(ctx, rec("after")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Answer(ctx, "after"); err != nil {
		t.Errorf("answer after recovery: %v", err)
	}
}
