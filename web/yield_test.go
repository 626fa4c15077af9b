package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// countingPacer is the knowledge base that counts the requests marked
// as residents' and those still running.
type countingPacer struct {
	Knowledge
	marked, running atomic.Int64
}

func (p *countingPacer) Asking() func() {
	p.marked.Add(1)
	p.running.Add(1)
	return func() { p.running.Add(-1) }
}

// A resident's question (JSON or the form without JavaScript) and search
// are marked for the knowledge base while they run, so that its indexing
// yields to them; pages and health checks are not.
func TestResidentsRequestsAreMarked(t *testing.T) {
	var p *countingPacer
	s, _ := mustServer(t, func(cfg *Config) {
		withChatBot(t)(cfg)
		p = &countingPacer{Knowledge: cfg.Knowledge}
		cfg.Knowledge = p
	})
	for _, r := range []*http.Request{
		httptest.NewRequest(http.MethodPost, "/api/v1/ask", strings.NewReader(`{"question":"đăng ký khai sinh cần gì","commune":"demo"}`)),
		httptest.NewRequest(http.MethodPost, "/x/demo", strings.NewReader("q=đăng+ký+khai+sinh")),
		httptest.NewRequest(http.MethodGet, "/api/v1/search?q=khai+sinh", nil),
	} {
		if r.Method == http.MethodPost && r.URL.Path == "/x/demo" {
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		} else if r.Method == http.MethodPost {
			r.Header.Set("Content-Type", "application/json")
		}
		before := p.marked.Load()
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= http.StatusBadRequest { // the form answers with a redirect to the answer
			t.Errorf("%s %s: status %d", r.Method, r.URL, w.Code)
		}
		if p.marked.Load() != before+1 || p.running.Load() != 0 {
			t.Errorf("%s %s: marked %d times, %d still running", r.Method, r.URL, p.marked.Load()-before, p.running.Load())
		}
	}
	for _, path := range []string{"/", "/x/demo", "/healthz"} {
		before := p.marked.Load()
		get(t, s, path)
		if p.marked.Load() != before {
			t.Errorf("GET %s marked as a question", path)
		}
	}
}
