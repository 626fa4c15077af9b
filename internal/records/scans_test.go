package records_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

func TestCountScan(t *testing.T) { sqldbtest.Each(t, testCountScan) }

func testCountScan(t *testing.T, dsn string) {
	ctx := context.Background()
	st, err := records.OpenFile(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ict := time.FixedZone("ICT", 7*3600)
	day1 := time.Date(2026, 11, 27, 23, 30, 0, 0, ict)
	day2 := day1.Add(time.Hour) // after midnight: the next day
	for _, sc := range []struct {
		commune, poster string
		at              time.Time
	}{{"demo", "p1", day1}, {"demo", "p1", day1}, {"demo", "p2", day1}, {"demo", "p1", day2}, {"other", "p1", day1}} {
		if err := st.CountScan(ctx, sc.commune, sc.poster, sc.at); err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.Scans(ctx, "demo", day1)
	if err != nil {
		t.Fatal(err)
	}
	want := []records.ScanCount{
		{Commune: "demo", Poster: "p1", Day: "2026-11-27", Count: 2},
		{Commune: "demo", Poster: "p2", Day: "2026-11-27", Count: 1},
		{Commune: "demo", Poster: "p1", Day: "2026-11-28", Count: 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("scans (-want +got):\n%s", diff)
	}
}
