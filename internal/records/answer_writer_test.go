package records

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

// mustFileStore opens the store of dsn, a SQLite file when dsn is "".
func mustFileStore(tb testing.TB, dsn string) *Store {
	tb.Helper()
	if dsn == "" {
		dsn = filepath.Join(tb.TempDir(), "hoidap.db")
	}
	s, err := OpenFile(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func countAnswers(tb testing.TB, s *Store) int {
	tb.Helper()
	var n int
	if err := s.db.QueryRow("SELECT COUNT(*) FROM answers").Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// Residents asking at once each get their answer recorded, and can rate it
// the moment the answer is shown; a repeated id fails alone.
func TestRecordAnswerConcurrently(t *testing.T) { sqldbtest.Each(t, testRecordAnswerConcurrently) }

func testRecordAnswerConcurrently(t *testing.T, dsn string) {
	ctx := context.Background()
	s := mustFileStore(t, dsn)
	const n = 64
	errs := make([]error, n+1)
	var wg sync.WaitGroup
	for i := range n + 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("a%d", i)
			if i == n {
				id = "a0" // a duplicate, likely in someone's batch
			}
			if err := s.RecordAnswer(ctx, AnswerRecord{ID: id, Question: "đăng ký khai sinh", Sources: []string{"d"}}); err != nil {
				errs[i] = err
				return
			}
			errs[i] = s.Feedback(ctx, id, i%2 == 0, "")
		}()
	}
	wg.Wait()
	failed := 0
	for i, err := range errs {
		if err != nil {
			failed++
			if i != 0 && i != n {
				t.Errorf("answer %d: %v", i, err)
			}
		}
	}
	if failed != 1 {
		t.Errorf("%d records failed, want only the duplicate id", failed)
	}
	if got := countAnswers(t, s); got != n {
		t.Errorf("%d answers stored, want %d", got, n)
	}
	var rated int
	if err := s.db.QueryRow("SELECT COUNT(*) FROM answers WHERE helpful IS NOT NULL").Scan(&rated); err != nil {
		t.Fatal(err)
	}
	if rated != n {
		t.Errorf("%d answers rated, want %d", rated, n)
	}
}

// A record whose request was cancelled is still kept: the batch it joins
// holds other residents' records too.
func TestRecordAnswerSurvivesCancel(t *testing.T) { sqldbtest.Each(t, testRecordAnswerSurvivesCancel) }

func testRecordAnswerSurvivesCancel(t *testing.T, dsn string) {
	s := mustFileStore(t, dsn)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.RecordAnswer(ctx, AnswerRecord{ID: "x"}); err != nil {
		t.Fatal(err)
	}
	if got := countAnswers(t, s); got != 1 {
		t.Errorf("%d answers stored, want 1", got)
	}
}

// BenchmarkRecordAnswer measures recording answers from 32 concurrent
// requests, as under the load test.
func BenchmarkRecordAnswer(b *testing.B) {
	s := mustFileStore(b, "")
	ctx := context.Background()
	var mu sync.Mutex
	next := 0
	b.SetParallelism(16) // 32 goroutines on 2 cores
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			mu.Lock()
			next++
			id := fmt.Sprintf("b%d", next)
			mu.Unlock()
			if err := s.RecordAnswer(ctx, AnswerRecord{ID: id, Question: "đăng ký kết hôn cần gì", Answer: "Mang tờ khai."}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRecordAnswerTail is BenchmarkRecordAnswer with answers of a
// real answer's size (about 1.5 KB) and the 99th percentile of one
// record's wait reported: a checkpoint inside a commit shows there.
func BenchmarkRecordAnswerTail(b *testing.B) {
	s := mustFileStore(b, "")
	ctx := context.Background()
	answer := strings.Repeat("Hồ sơ gồm tờ khai, giấy tờ tùy thân. ", 40)
	var (
		mu    sync.Mutex
		next  int
		waits []time.Duration
	)
	b.SetParallelism(16) // 32 goroutines on 2 cores
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			mu.Lock()
			next++
			id := fmt.Sprintf("b%09d", next)
			mu.Unlock()
			t0 := time.Now()
			if err := s.RecordAnswer(ctx, AnswerRecord{ID: id, Question: "đăng ký kết hôn cần gì", Answer: answer}); err != nil {
				b.Fatal(err)
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		waits = append(waits, mine...)
		mu.Unlock()
	})
	slices.Sort(waits)
	if len(waits) > 0 {
		b.ReportMetric(float64(waits[len(waits)*99/100].Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(waits[len(waits)-1].Microseconds())/1000, "max-ms")
	}
}
