package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/residentq"
)

// fakeService answers like hoidap: healthz at once, search and ask after
// a pause, so their ratios to healthz come out under 100 %.
func fakeService(tb testing.TB, mode string) string {
	tb.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{"status":"ok"}`)) })
	mux.HandleFunc("GET /api/v1/search", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("q") == "" {
			http.Error(w, "no q", http.StatusBadRequest)
			return
		}
		time.Sleep(2 * time.Millisecond)
		w.Write([]byte(`{"results":[]}`))
	})
	mux.HandleFunc("POST /api/v1/ask", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(4 * time.Millisecond)
		w.Write([]byte(`{"answer":"x","mode":"` + mode + `"}`))
	})
	srv := httptest.NewServer(mux)
	tb.Cleanup(srv.Close)
	return srv.URL
}

func TestLoadReportsRatiosToHealthz(t *testing.T) {
	var out, errs bytes.Buffer
	code := run(context.Background(), []string{"-url", fakeService(t, "extractive"), "-c", "4", "-d", "300ms", "-warmup", "50ms"}, &out, &errs)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	report := out.String()
	for _, name := range []string{"GET /healthz", "GET /api/v1/search", "POST /api/v1/ask"} {
		row := regexp.MustCompile(`\| ` + regexp.QuoteMeta(name) + ` \| (\d+) \| 0 \| \d+ \| (\d+) %`).FindStringSubmatch(report)
		if row == nil || row[1] == "0" {
			t.Fatalf("no row with requests for %s:\n%s", name, report)
		}
		if name == "GET /healthz" && row[2] != "100" {
			t.Errorf("healthz ratio %s %%, want 100", row[2])
		}
		if name != "GET /healthz" && row[2] == "100" {
			t.Errorf("%s as fast as healthz, though it sleeps:\n%s", name, report)
		}
	}
}

func TestLoadDistinctQuestions(t *testing.T) {
	seen := map[string]bool{}
	o := options{url: "http://x", commune: "demo", distinct: true}
	tgt, _ := targetByName("search", o)
	for i := range 2 * len(residentq.Questions) {
		req, err := tgt.request(context.Background(), i)
		if err != nil {
			t.Fatal(err)
		}
		seen[req.URL.Query().Get("q")] = true
	}
	if len(seen) != 2*len(residentq.Questions) {
		t.Errorf("%d distinct questions in %d requests", len(seen), 2*len(residentq.Questions))
	}
}

func TestLoadRefusesAnLLMService(t *testing.T) {
	var out, errs bytes.Buffer
	code := run(context.Background(), []string{"-url", fakeService(t, "llm"), "-d", "100ms"}, &out, &errs)
	if code != 1 || !strings.Contains(errs.String(), "OPENAI_BASE_URL") {
		t.Errorf("exit %d, stderr %q: want 1 naming OPENAI_BASE_URL", code, errs.String())
	}
}

// With -runs, the report ends with each figure's median over the runs.
func TestLoadMedianOfRuns(t *testing.T) {
	var out, errs bytes.Buffer
	code := run(context.Background(), []string{"-url", fakeService(t, "extractive"), "-c", "2", "-d", "150ms", "-warmup", "20ms", "-runs", "3"}, &out, &errs)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	report := out.String()
	if n := strings.Count(report, "| GET /healthz | "); n != 4 {
		t.Errorf("%d healthz rows, want one per run and the median's:\n%s", n, report)
	}
	summary := report[strings.Index(report, "median of 3 runs"):]
	if !regexp.MustCompile(`\| GET /healthz \| \d+ \| 100 % \(100–100 %\) \|`).MatchString(summary) {
		t.Errorf("healthz median row missing:\n%s", summary)
	}
	if !regexp.MustCompile(`\| POST /api/v1/ask \| [1-9]\d* \| \d+ % \(\d+–\d+ %\) \| [\d.]+ ms \| [\d.]+ ms \|`).MatchString(summary) {
		t.Errorf("ask median row missing:\n%s", summary)
	}
}
