package web

import (
	"bufio"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/internal/llmtest"
	"github.com/hoidap/hoidap/internal/ssetest"
	"github.com/hoidap/hoidap/internal/testcorpus"
)

// metricValue returns the value of the series of name whose labels
// include every k="v" of labels, from a /metrics body; ok is false when
// there is none.
func metricValue(body, name string, labels ...string) (float64, bool) {
	for _, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(line, "#") || !strings.HasPrefix(line, name) {
			continue
		}
		series, value, found := strings.Cut(line, " ")
		if i := strings.IndexByte(series, '{'); !found || (i < 0 && series != name) || (i >= 0 && series[:i] != name) {
			continue
		}
		all := true
		for _, l := range labels {
			all = all && strings.Contains(series, l)
		}
		if !all {
			continue
		}
		v, err := strconv.ParseFloat(value, 64)
		return v, err == nil
	}
	return 0, false
}

func scrapeMetrics(tb testing.TB, url string) string {
	tb.Helper()
	status, h, body := opsDo(tb, "GET", url+"/metrics", nil)
	if status != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		tb.Fatalf("/metrics: status %d, type %q", status, h.Get("Content-Type"))
	}
	return body
}

func TestMetricsMoveWithRequests(t *testing.T) {
	size, err := testcorpus.Size()
	if err != nil {
		t.Fatal(err)
	}
	corpus := float64(size)
	srv, _, _ := mustOpsServer(t, "", nil)
	json := "Content-Type: application/json"
	opsDo(t, "GET", srv.URL+"/x/demo", nil)
	opsDo(t, "GET", srv.URL+"/x/demo", nil)
	opsDo(t, "GET", srv.URL+"/x/khong-co-xa-nay", nil)
	opsDo(t, "GET", srv.URL+"/wp-login.php", nil)
	opsDo(t, "GET", srv.URL+"/api/v1/search?q=khai+sinh", nil)
	opsDo(t, "POST", srv.URL+"/api/v1/ask", strings.NewReader(`{"question":"đăng ký kết hôn cần gì"}`), json)
	opsDo(t, "POST", srv.URL+"/api/v1/ask", strings.NewReader(`{"question":"giá vàng hôm nay"}`), json, "Accept: text/event-stream")
	opsDo(t, "POST", srv.URL+"/api/v1/ask", strings.NewReader(`{`), json)
	body := scrapeMetrics(t, srv.URL)

	tests := []struct {
		name   string
		labels []string
		want   float64
	}{
		{"hoidap_http_request_duration_seconds_count", []string{`route="/x/:commune"`, `method="GET"`, `code="2xx"`}, 2},
		{"hoidap_http_request_duration_seconds_count", []string{`route="/x/:commune"`, `method="GET"`, `code="4xx"`}, 1},
		{"hoidap_http_request_duration_seconds_count", []string{`route="unmatched"`, `code="4xx"`}, 1},
		{"hoidap_http_request_duration_seconds_count", []string{`route="/api/v1/search"`, `code="2xx"`}, 1},
		{"hoidap_http_request_duration_seconds_count", []string{`route="/api/v1/ask"`, `method="POST"`, `code="2xx"`}, 2},
		{"hoidap_http_request_duration_seconds_count", []string{`route="/api/v1/ask"`, `method="POST"`, `code="4xx"`}, 1},
		{"hoidap_answers_total", []string{`mode="extractive"`, `grounded="true"`}, 1},
		{"hoidap_answers_total", []string{`mode="extractive"`, `grounded="false"`}, 1},
		{"hoidap_streams_in_flight", nil, 0},
		{"hoidap_index_documents", nil, corpus},
		{"hoidap_store_documents", nil, corpus},
	}
	for _, tt := range tests {
		t.Run(tt.name+fmt.Sprint(tt.labels), func(t *testing.T) {
			got, ok := metricValue(body, tt.name, tt.labels...)
			if !ok || got != tt.want {
				t.Errorf("%s%v = %v (found %v), want %v", tt.name, tt.labels, got, ok, tt.want)
			}
		})
	}
	if p, _ := metricValue(body, "hoidap_store_passages"); p <= corpus {
		t.Errorf("hoidap_store_passages = %v, want more than the documents", p)
	}
	for _, raw := range []string{"khong-co-xa-nay", "wp-login", "khai+sinh"} {
		if strings.Contains(body, raw) {
			t.Errorf("a raw path or query in the series: %q", raw)
		}
	}
	for _, name := range []string{"go_goroutines", "process_resident_memory_bytes", "hoidap_fallbacks_total", "hoidap_llm_errors_total"} {
		if !strings.Contains(body, name) {
			t.Errorf("no %s series", name)
		}
	}
}

func TestMetricsCountStreamsInFlight(t *testing.T) {
	release := make(chan struct{})
	llm := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		fmt.Fprint(w, llmtest.Chunk("Hồ sơ gồm tờ khai [1]."))
		w.(http.Flusher).Flush()
		<-release
		fmt.Fprint(w, llmtest.Done)
	}))
	t.Cleanup(llm.Close)
	t.Cleanup(func() {
		select {
		case <-release:
		default:
			close(release)
		}
	})
	srv, _, _ := mustOpsServer(t, llm.URL+"/v1", nil)
	resp := ssetest.Ask(t, srv.URL, `{"question":"đăng ký kết hôn cần giấy tờ gì"}`, true)
	n := 0
	ssetest.ReadEvents(resp, func(e ssetest.Event) {
		n++
		if n != 1 {
			return
		}
		// The first source is out; the LLM is still answering.
		if got, _ := metricValue(scrapeMetrics(t, srv.URL), "hoidap_streams_in_flight"); got != 1 {
			t.Errorf("streams in flight during a stream = %v, want 1", got)
		}
		close(release)
	})
	body := scrapeMetrics(t, srv.URL)
	if got, _ := metricValue(body, "hoidap_streams_in_flight"); got != 0 {
		t.Errorf("streams in flight after = %v, want 0", got)
	}
	if got, _ := metricValue(body, "hoidap_answers_total", `mode="llm"`, `grounded="true"`); got != 1 {
		t.Errorf("llm answers = %v, want 1", got)
	}
	if got, _ := metricValue(body, "hoidap_llm_first_token_seconds_count"); got != 1 {
		t.Errorf("first-token observations = %v, want 1", got)
	}
}

func TestMetricsStreamEndsWhenResidentLeaves(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	llm := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		fmt.Fprint(w, llmtest.Chunk("Hồ sơ gồm"))
		w.(http.Flusher).Flush()
		select { // an LLM that never finishes
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(llm.Close)
	srv, _, _ := mustOpsServer(t, llm.URL+"/v1", nil)
	resp := ssetest.Ask(t, srv.URL, `{"question":"đăng ký kết hôn cần giấy tờ gì"}`, true)
	br := bufio.NewReader(resp.Body)
	if _, err := br.ReadString('\n'); err != nil { // the first event is out
		t.Fatal(err)
	}
	if got, _ := metricValue(scrapeMetrics(t, srv.URL), "hoidap_streams_in_flight"); got != 1 {
		t.Fatalf("streams in flight = %v, want 1", got)
	}
	resp.Body.Close() // the resident closes the page
	// The handler sees its context end and returns: poll, bounded.
	for i := 0; ; i++ {
		got, _ := metricValue(scrapeMetrics(t, srv.URL), "hoidap_streams_in_flight")
		if got == 0 {
			break
		}
		if i == 100 {
			t.Fatalf("streams in flight = %v after the resident left, want 0", got)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// With a metrics token set, only a scraper that sends it reads /metrics.
func TestMetricsToken(t *testing.T) {
	const token = "prom-7c1e9a4d2b8f"
	srv, _, _ := mustOpsServer(t, "", func(cfg *Config, _ *chatbot.Config) { cfg.MetricsToken = token })
	tests := []struct {
		name    string
		headers []string
		want    int
	}{
		{"no token", nil, http.StatusUnauthorized},
		{"wrong token", []string{"Authorization: Bearer prom-0000"}, http.StatusUnauthorized},
		{"not a bearer token", []string{"Authorization: " + token}, http.StatusUnauthorized},
		{"its token", []string{"Authorization: Bearer " + token}, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, h, body := opsDo(t, "GET", srv.URL+"/metrics", nil, tt.headers...)
			if status != tt.want {
				t.Fatalf("status %d, want %d", status, tt.want)
			}
			if status == http.StatusOK && !strings.Contains(body, "hoidap_http_request_duration_seconds") {
				t.Errorf("no request series in:\n%.300s", body)
			}
			if status == http.StatusUnauthorized && (h.Get("WWW-Authenticate") == "" || strings.Contains(body, "hoidap_")) {
				t.Errorf("refusal without a challenge or with series: %v %q", h, body)
			}
		})
	}
}
