package records

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

func TestRecordAnswerAndFeedback(t *testing.T) { sqldbtest.Each(t, testRecordAnswerAndFeedback) }

func testRecordAnswerAndFeedback(t *testing.T, dsn string) {
	ctx := context.Background()
	s, err := OpenFile(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rec := AnswerRecord{ID: "a1", Commune: "demo", Question: "đăng ký kết hôn cần gì", Answer: "Hồ sơ…",
		Mode: "extractive", Grounded: true, Sources: []string{"dang-ky-ket-hon"}, LatencyMS: 3, Created: time.Unix(1e9, 0)}
	if err := s.RecordAnswer(ctx, rec); err != nil {
		t.Fatal(err)
	}
	if err := s.Feedback(ctx, "a1", true, " rõ ràng "); err != nil {
		t.Fatal(err)
	}
	var helpful int
	var comment, sources string
	if err := s.DB().QueryRowContext(ctx, "SELECT helpful, comment, sources FROM answers WHERE id = 'a1'").Scan(&helpful, &comment, &sources); err != nil {
		t.Fatal(err)
	}
	if helpful != 1 || comment != "rõ ràng" || sources != `["dang-ky-ket-hon"]` {
		t.Errorf("stored helpful %d comment %q sources %s", helpful, comment, sources)
	}
	if err := s.Feedback(ctx, "nope", false, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("feedback on unknown answer: %v, want ErrNotFound", err)
	}
	if err := s.RecordAnswer(ctx, AnswerRecord{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("record without id: %v, want ErrInvalid", err)
	}
}
