package web

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"testing"
	"time"
)

// A poster's code counts once per visitor and day: reloads, and visits
// without a code, are not scans.
func TestScanCountedOncePerVisitorAndDay(t *testing.T) {
	ctx := context.Background()
	s, kb := mustServer(t, nil)
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, vietnam)
	s.site.now = func() time.Time { return now }
	st := recordsOf(t, kb)
	a, err := st.CreatePoster(ctx, "demo", "Bảng tin UBND", "admin")
	if err != nil {
		t.Fatal(err)
	}
	b, err := st.CreatePoster(ctx, "demo", "Nhà văn hóa thôn 3", "admin")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	visitor := func() *http.Client {
		jar, err := cookiejar.New(nil)
		if err != nil {
			t.Fatal(err)
		}
		return &http.Client{Jar: jar}
	}
	open := func(cl *http.Client, path string) {
		t.Helper()
		resp, err := cl.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
	}
	counts := func() map[string]int {
		t.Helper()
		sc, err := st.Scans(ctx, "demo", now.AddDate(0, 0, -5))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, c := range sc {
			out[c.Day+" "+c.Poster] += c.Count
		}
		return out
	}
	want := func(day, poster string, n int) {
		t.Helper()
		if got := counts()[day+" "+poster]; got != n {
			t.Errorf("%s %s: %d scans, want %d (all: %v)", day, poster, got, n, counts())
		}
	}

	one := visitor()
	for range 3 { // the scan, then two reloads
		open(one, "/x/demo?p="+a.ID)
	}
	open(one, "/x/demo")                   // no code: not a scan
	open(one, "/x/demo?p=khong-co-ma-nay") // not a poster of the commune
	want("2026-12-03", a.ID, 1)
	open(one, "/x/demo?p="+b.ID) // another poster the same day counts
	open(one, "/x/demo?p="+a.ID)
	want("2026-12-03", b.ID, 1)
	want("2026-12-03", a.ID, 1)

	open(visitor(), "/x/demo?p="+a.ID) // someone else
	want("2026-12-03", a.ID, 2)

	now = now.Add(16 * time.Hour) // 01:00 the next day in Vietnam
	open(one, "/x/demo?p="+a.ID)
	open(one, "/x/demo?p="+a.ID)
	want("2026-12-04", a.ID, 1)
	if n := len(counts()); n != 3 {
		t.Errorf("%d (day, poster) rows, want 3: %v", n, counts())
	}
}
