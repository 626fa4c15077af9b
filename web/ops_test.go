package web

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/knowledge"
)

// mustOpsServer runs the whole server, with an extractive bot (or one on
// llmURL) that shares the server's registry, under httptest; edit changes
// the configs first.
func mustOpsServer(tb testing.TB, llmURL string, edit func(*Config, *chatbot.Config)) (*httptest.Server, *Server, *prometheus.Registry) {
	tb.Helper()
	reg := prometheus.NewRegistry()
	s, _ := mustServer(tb, func(cfg *Config) {
		m, err := chatbot.NewMetrics(reg)
		if err != nil {
			tb.Fatal(err)
		}
		bc := chatbot.Config{Knowledge: cfg.Knowledge, Recorder: recordsOf(tb, cfg.Knowledge.(*knowledge.Base)), Metrics: m, FirstToken: 5 * time.Second}
		if llmURL != "" {
			bc.BaseURL, bc.Model = llmURL, "fake"
		}
		cfg.Registry = reg
		if edit != nil {
			edit(cfg, &bc)
		}
		bot, err := chatbot.New(bc)
		if err != nil {
			tb.Fatal(err)
		}
		cfg.Bot = bot
	})
	srv := httptest.NewServer(s)
	tb.Cleanup(srv.Close)
	return srv, s, reg
}

// do sends a request with a body and headers ("Name: value") and returns
// the status, the headers and the body.
func opsDo(tb testing.TB, method, url string, body io.Reader, headers ...string) (int, http.Header, string) {
	tb.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		tb.Fatal(err)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

// errorOf returns the "error" of a JSON body, "" if there is none.
func opsError(body string) string {
	var e struct{ Error string }
	_ = json.Unmarshal([]byte(body), &e)
	return e.Error
}

// chunkedBody hides a body's length, so it is sent chunked.
type chunkedBody struct{ io.Reader }

func TestBodyLimitRefusesLargeRequests(t *testing.T) {
	srv, _, _ := mustOpsServer(t, "", nil)
	big := `{"question":"` + strings.Repeat("a", 2<<20) + `"}`
	form := "q=" + strings.Repeat("a", 2<<20)
	tests := []struct {
		name, method, path, ctype string
		body                      func() io.Reader
		want                      string // in the body
	}{
		{"2 MB question", "POST", "/api/v1/ask", "application/json", func() io.Reader { return strings.NewReader(big) }, "Yêu cầu quá lớn"},
		{"2 MB question, chunked", "POST", "/api/v1/ask", "application/json", func() io.Reader { return chunkedBody{strings.NewReader(big)} }, "quá lớn"},
		{"2 MB feedback", "POST", "/api/v1/feedback", "application/json", func() io.Reader { return strings.NewReader(big) }, "Yêu cầu quá lớn"},
		{"2 MB form", "POST", "/x/demo", "application/x-www-form-urlencoded", func() io.Reader { return strings.NewReader(form) }, texts["vi"]["too_long"]},
		{"7 MB recording", "POST", "/api/v1/transcribe", "audio/webm", func() io.Reader { return bytes.NewReader(make([]byte, 7<<20)) }, "tối đa 5 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, h, body := opsDo(t, tt.method, srv.URL+tt.path, tt.body(), "Content-Type: "+tt.ctype)
			if status != http.StatusRequestEntityTooLarge || !strings.Contains(body, tt.want) {
				t.Errorf("status %d, body %.200q; want 413 with %q", status, body, tt.want)
			}
			if h.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("413 without security headers")
			}
		})
	}
	// A question of the largest size still goes through.
	q := strings.Repeat("khai sinh ", 50)
	if status, _, body := opsDo(t, "POST", srv.URL+"/api/v1/ask", strings.NewReader(`{"question":"`+q+`"}`), "Content-Type: application/json"); status != http.StatusOK {
		t.Errorf("a 500-character question: status %d %s", status, body)
	}
}

func TestBodyLimitLeavesUploadsToAdmin(t *testing.T) {
	for _, path := range []string{"/admin/documents", "/api/v1/admin/documents", "/admin/documents/upload"} {
		c, _ := gin.CreateTestContext(httptest.NewRecorder())
		c.Request = httptest.NewRequest(http.MethodPost, path, nil)
		if limit, _ := bodyLimit(c); limit < 25<<20 {
			t.Errorf("%s: body bounded at %d bytes, under the 20 MB uploads", path, limit)
		}
	}
}

func TestBodyLimitCutsSlowBodies(t *testing.T) {
	srv, s, _ := mustOpsServer(t, "", nil)
	s.ops.bodyDeadline = 200 * time.Millisecond
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Ten bytes of a hundred, then nothing: a slow-body attack.
	fmt.Fprintf(conn, "POST /api/v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"questio")
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to a stalled body: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode < 400 {
		t.Errorf("stalled body: status %d", resp.StatusCode)
	}
}

func TestReadyzShowsBudget(t *testing.T) {
	_, url := newFakeChat(t, "Hồ sơ gồm Tờ khai đăng ký kết hôn [1].")
	srv, _, _ := mustOpsServer(t, url, func(_ *Config, bc *chatbot.Config) { bc.DailyRequests = 1 })
	ready := func() (int, map[string]any) {
		t.Helper()
		status, _, body := opsDo(t, "GET", srv.URL+"/readyz", nil)
		var got map[string]any
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		return status, got
	}
	status, got := ready()
	if want := map[string]any{"state": "closed", "budget": "ok"}; status != 200 || fmt.Sprint(got["llm"]) != fmt.Sprint(want) {
		t.Errorf("before: status %d llm %v, want 200 %v", status, got["llm"], want)
	}
	for i, mode := range []string{"llm", "extractive"} {
		_, _, body := opsDo(t, "POST", srv.URL+"/api/v1/ask", strings.NewReader(`{"question":"đăng ký kết hôn cần giấy tờ gì"}`), "Content-Type: application/json")
		var r chatbot.Reply
		if err := json.Unmarshal([]byte(body), &r); err != nil || r.Mode != mode {
			t.Errorf("answer %d: mode %q (%v), want %s", i+1, r.Mode, err, mode)
		}
	}
	status, got = ready()
	if want := map[string]any{"state": "closed", "budget": "exhausted"}; status != 200 || got["ready"] != true || fmt.Sprint(got["llm"]) != fmt.Sprint(want) {
		t.Errorf("after: status %d ready %v llm %v, want 200 true %v", status, got["ready"], got["llm"], want)
	}
}

// scriptTagRe and onHandlerRe find script that would run from the page itself: a
// script element without src (JSON data blocks aside), an on* handler, or
// a javascript: URL.
var (
	scriptTagRe = regexp.MustCompile(`(?i)<script\b([^>]*)>`)
	onHandlerRe = regexp.MustCompile(`(?i)<[^>]+\son[a-z]+\s*=`)
)

func TestHeadersEverywhereNoInlineScript(t *testing.T) {
	srv, s, _ := mustOpsServer(t, "", func(cfg *Config, _ *chatbot.Config) { cfg.RateLimit = 1 })
	js := s.site.assets.URL("app.js")
	ask := `{"question":"khai sinh"}`
	tests := []struct {
		method, path, body string
		status             int
	}{
		{"GET", "/", "", 200},
		{"GET", "/?q=hue", "", 200},
		{"GET", "/x/demo", "", 200},
		{"GET", "/x/demo?lang=en", "", 200},
		{"GET", "/poster/demo", "", 200},
		{"GET", "/x/khong-co-xa-nay", "", 404},
		{"GET", "/khong/co/trang/nay", "", 404},
		{"GET", "/api/v1/nope", "", 404},
		{"GET", js, "", 200},
		{"GET", "/static/missing.js", "", 404},
		{"GET", "/qr/demo.png", "", 200},
		{"GET", "/metrics", "", 200},
		{"GET", "/api/v1/openapi.yaml", "", 200},
		{"GET", "/healthz", "", 200},
		{"GET", "/readyz", "", 200},
		{"GET", "/api/v1/search", "", 400},
		{"POST", "/x/demo", "q=khai+sinh", 200},
		{"POST", "/api/v1/ask", ask, 429},
		{"POST", "/api/v1/ask", "{", 429},
		{"POST", "/api/v1/feedback", "{", 400},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			ctype := "application/json"
			if strings.HasPrefix(tt.path, "/x/") {
				ctype = "application/x-www-form-urlencoded"
			}
			var body io.Reader
			if tt.body != "" {
				body = strings.NewReader(tt.body)
			}
			status, h, page := opsDo(t, tt.method, srv.URL+tt.path, body, "Content-Type: "+ctype)
			if status != tt.status {
				t.Errorf("status %d, want %d", status, tt.status)
			}
			csp := h.Get("Content-Security-Policy")
			if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
				t.Errorf("CSP %q", csp)
			}
			if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("X-Frame-Options") != "DENY" {
				t.Errorf("headers %v", h)
			}
			if !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
				return
			}
			for _, m := range scriptTagRe.FindAllStringSubmatch(page, -1) {
				if !strings.Contains(m[1], "src=") && !strings.Contains(m[1], `type="application/json"`) {
					t.Errorf("inline script: %s", m[0])
				}
			}
			if m := onHandlerRe.FindString(page); m != "" {
				t.Errorf("inline event handler: %s", m)
			}
			if strings.Contains(strings.ToLower(page), "javascript:") {
				t.Errorf("javascript: URL in the page")
			}
		})
	}
}
