package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

// ask posts a question and returns the answer's id and status, failing
// tb when it takes more than within.
func askWithin(tb testing.TB, base string, within time.Duration) (int, string) {
	tb.Helper()
	t0 := time.Now()
	resp, err := http.Post(base+"/api/v1/ask", "application/json", strings.NewReader(`{"question":"đăng ký khai sinh","commune":"demo"}`))
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	var a struct {
		ID       string `json:"id"`
		Grounded bool   `json:"grounded"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		tb.Fatal(err)
	}
	if d := time.Since(t0); d > within {
		tb.Errorf("the answer took %v, want at most %v", d, within)
	}
	if resp.StatusCode == http.StatusOK && !a.Grounded {
		tb.Errorf("answer %s not grounded", a.ID)
	}
	return resp.StatusCode, a.ID
}

// readyWithin polls /readyz until it returns want, failing tb after
// within.
func readyWithin(tb testing.TB, base string, want int, within time.Duration) {
	tb.Helper()
	deadline := time.Now().Add(within)
	for {
		resp, err := http.Get(base + "/readyz")
		if err != nil {
			tb.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode == want {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("/readyz %d after %v, want %d", resp.StatusCode, within, want)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// PostgreSQL restarted under a replica: /readyz says so within 5 s,
// residents still get answers from the index, and when the database is
// back the replica is ready again by itself, with the answers given
// meanwhile recorded.
func TestRecordsDatabaseDown(t *testing.T) {
	srv := sqldbtest.NewServer(t)
	url := srv.Database(t)
	s := mustServe(t, map[string]string{"HOIDAP_DATABASE_URL": url, "HOIDAP_RATE_LIMIT": "0"})
	readyWithin(t, s.URL, http.StatusOK, 5*time.Second)
	if code, _ := askWithin(t, s.URL, 5*time.Second); code != http.StatusOK {
		t.Fatalf("ask with the database up: %d", code)
	}

	srv.Stop(t)
	readyWithin(t, s.URL, http.StatusServiceUnavailable, 5*time.Second)
	var during []string
	for range 3 {
		code, id := askWithin(t, s.URL, 3*time.Second)
		if code != http.StatusOK {
			t.Fatalf("ask with the database down: %d", code)
		}
		during = append(during, id)
	}

	srv.Start(t)
	readyWithin(t, s.URL, http.StatusOK, 10*time.Second)
	rs, err := records.OpenFile(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	deadline := time.Now().Add(10 * time.Second)
	for _, id := range during {
		for {
			_, err := rs.Answer(t.Context(), id)
			if err == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("answer %s given while the database was down is not recorded: %v", id, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	if code := s.stop(t); code != 0 {
		t.Errorf("serve exited %d: %s", code, s.Stderr)
	}
}

// Two replicas starting at once on one empty PostgreSQL: both apply the
// migrations and start, and there is one first administrator.
func TestReplicasStartTogether(t *testing.T) {
	url := sqldbtest.Postgres(t)
	started := make(chan *served, 2)
	for range 2 {
		go func() {
			started <- mustServe(t, map[string]string{"HOIDAP_DATABASE_URL": url, "HOIDAP_ADMIN_PASSWORD": seedPassword})
		}()
	}
	for range 2 {
		select {
		case s := <-started:
			readyWithin(t, s.URL, http.StatusOK, 10*time.Second)
		case <-time.After(4 * time.Minute):
			// Each replica first imports the records into a fresh
			// index: under the race detector, beside other packages'
			// tests, that has taken more than 90 s.
			t.Fatal("a replica did not start")
		}
	}
	rs, err := records.OpenFile(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	if n, err := rs.CountUsers(t.Context()); err != nil || n != 1 {
		t.Errorf("%d users, want the one first administrator (%v)", n, err)
	}
}
