package records_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

var vietnamTime = time.FixedZone("ICT", 7*3600)

// seedAnswers records answers over two Vietnamese days in two communes.
func seedAnswers(t *testing.T, st *records.Store) time.Time {
	t.Helper()
	ctx := context.Background()
	day := time.Date(2026, 11, 26, 8, 0, 0, 0, vietnamTime)
	recs := []records.AnswerRecord{
		{ID: "1", Commune: "demo", Question: "Đăng ký khai sinh cần gì?", Mode: "extractive", Grounded: true, Sources: []string{"dang-ky-khai-sinh"}, Created: day},
		{ID: "2", Commune: "demo", Question: "dang ky khai sinh can gi", Mode: "llm", Grounded: true, Sources: []string{"dang-ky-khai-sinh", "x"}, Created: day.Add(time.Hour)},
		{ID: "3", Commune: "demo", Question: "Nuôi chó có phải đăng ký không?", Mode: "extractive", Created: day.Add(2 * time.Hour)},
		{ID: "4", Commune: "demo", Question: "nuoi cho  co phai dang ky khong", Mode: "extractive", Created: day.Add(17 * time.Hour)}, // 01:00 next day
		{ID: "5", Commune: "demo", Question: "Kết hôn cần gì", Mode: "approved", Grounded: true, Sources: []string{"approved-1"}, Created: day.Add(18 * time.Hour)},
		{ID: "6", Commune: "other", Question: "Câu hỏi của xã khác", Mode: "extractive", Created: day},
	}
	for _, r := range recs {
		if err := st.RecordAnswer(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Feedback(ctx, "2", false, ""); err != nil {
		t.Fatal(err)
	}
	if err := st.Feedback(ctx, "1", true, ""); err != nil {
		t.Fatal(err)
	}
	return day
}

func TestAnalyticsSummary(t *testing.T) { sqldbtest.Each(t, testAnalyticsSummary) }

func testAnalyticsSummary(t *testing.T, dsn string) {
	ctx := context.Background()
	st := mustContentStore(t, dsn, time.Unix(1.8e9, 0))
	day := seedAnswers(t, st)
	sum, err := st.Summarize(ctx, records.Range{Commune: "demo", From: day.AddDate(0, 0, -30)}, vietnamTime, 5, 10)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Total != 5 || sum.Grounded != 3 || sum.Helpful != 1 || sum.NotHelpful != 1 {
		t.Errorf("totals %+v", sum)
	}
	if diff := cmp.Diff(map[string]int{"extractive": 3, "llm": 1, "approved": 1}, sum.ByMode); diff != "" {
		t.Errorf("by mode (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]records.DayCount{{Day: "2026-11-26", Count: 3}, {Day: "2026-11-27", Count: 2}}, sum.Days); diff != "" {
		t.Errorf("days in Vietnam time (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]records.SourceCount{{ID: "dang-ky-khai-sinh", Count: 2}, {ID: "approved-1", Count: 1}}, sum.TopSources); diff != "" {
		t.Errorf("top sources (-want +got):\n%s", diff)
	}
	want := []records.Gap{
		{Question: "nuoi cho  co phai dang ky khong", Commune: "demo", Count: 2, NotGrounded: 2, Last: day.Add(17 * time.Hour)},
		{Question: "dang ky khai sinh can gi", Commune: "demo", Count: 1, NotHelpful: 1, Last: day.Add(time.Hour)},
	}
	if diff := cmp.Diff(want, sum.Gaps, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("gaps: repeats as one line (-want +got):\n%s", diff)
	}

	all, err := st.Summarize(ctx, records.Range{}, vietnamTime, 5, 10)
	if err != nil || all.Total != 6 {
		t.Errorf("province-wide total %d, %v; want 6", all.Total, err)
	}
}

func TestAnalyticsExport(t *testing.T) { sqldbtest.Each(t, testAnalyticsExport) }

func testAnalyticsExport(t *testing.T, dsn string) {
	ctx := context.Background()
	st := mustContentStore(t, dsn, time.Unix(1.8e9, 0))
	day := seedAnswers(t, st)
	var got []string
	err := st.ExportAnswers(ctx, records.Range{Commune: "demo", From: day, To: day.Add(2 * time.Hour)}, func(r records.ExportRow) error {
		h := "-"
		if r.Helpful != nil && *r.Helpful {
			h = "yes"
		} else if r.Helpful != nil {
			h = "no"
		}
		got = append(got, r.Question+"|"+h+"|"+r.Mode)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Đăng ký khai sinh cần gì?|yes|extractive", "dang ky khai sinh can gi|no|llm"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("export (-want +got):\n%s", diff)
	}
}

func TestPurgeAnswers(t *testing.T) { sqldbtest.Each(t, testPurgeAnswers) }

func testPurgeAnswers(t *testing.T, dsn string) {
	ctx := context.Background()
	st := mustContentStore(t, dsn, time.Unix(1.8e9, 0))
	day := seedAnswers(t, st)
	n, err := st.PurgeAnswers(ctx, day.Add(90*time.Minute))
	if err != nil || n != 3 { // 1, 2 and 6
		t.Fatalf("purged %d, %v; want 3", n, err)
	}
	sum, err := st.Summarize(ctx, records.Range{}, vietnamTime, 5, 10)
	if err != nil || sum.Total != 3 {
		t.Errorf("left %d, %v; want 3", sum.Total, err)
	}
}

// BenchmarkAnalyticsSummarize reads a month's dashboard over 20,000
// answer records, a fifth of them not grounded.
func BenchmarkAnalyticsSummarize(b *testing.B) {
	ctx := context.Background()
	st, err := records.OpenFile(ctx, b.TempDir()+"/s.db")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, vietnamTime)
	tx, err := st.DB().BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	for i := range 20000 {
		grounded := i%5 != 0
		if _, err := tx.ExecContext(ctx, `INSERT INTO answers(id, commune, question, mode, grounded, sources, created_at)
			VALUES (?, 'demo', ?, 'extractive', ?, '["starter-dang-ky-khai-sinh"]', ?)`,
			fmt.Sprint(i), fmt.Sprintf("Câu hỏi số %d về thủ tục", i%300), grounded, now.Add(-time.Duration(i)*2*time.Minute).Unix()); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	r := records.Range{Commune: "demo", From: now.AddDate(0, 0, -30)}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sum, err := st.Summarize(ctx, r, vietnamTime, 10, 50)
		if err != nil || sum.Total != 20000 {
			b.Fatal(sum.Total, err)
		}
	}
}
