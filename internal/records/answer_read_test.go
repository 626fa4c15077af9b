package records

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

func TestAnswerReadsTheRecordBack(t *testing.T) { sqldbtest.Each(t, testAnswerReadsTheRecordBack) }

func testAnswerReadsTheRecordBack(t *testing.T, dsn string) {
	ctx := context.Background()
	s, err := OpenFile(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := AnswerRecord{ID: "a1", Commune: "demo", Poster: "cong-uy-ban", Question: "đăng ký kết hôn cần gì, số [đã ẩn]",
		Answer: "Hồ sơ…", Mode: "extractive", Grounded: true, Sources: []string{"dang-ky-ket-hon", "office:demo"}, Created: time.Unix(1e9, 0)}
	if err := s.RecordAnswer(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, err := s.Answer(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("record read back (-want +got):\n%s", diff)
	}
	if _, err := s.Answer(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown answer: %v, want ErrNotFound", err)
	}
	if _, err := s.PurgeAnswers(ctx, time.Unix(2e9, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Answer(ctx, "a1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("purged answer: %v, want ErrNotFound", err)
	}
}
