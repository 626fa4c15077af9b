package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/chatbot"
)

// limiterClock is a time the test moves by hand.
type limiterClock struct{ t time.Time }

func (c *limiterClock) now() time.Time { return c.t }

func TestRateLimiterBucket(t *testing.T) {
	clk := &limiterClock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	l := newLimiter(3, 100, clk.now)
	steps := []struct {
		after  time.Duration
		client string
		ok     bool
		wait   time.Duration
	}{
		{0, "a", true, 0},
		{0, "a", true, 0},
		{0, "a", true, 0},
		{0, "a", false, 20 * time.Second}, // burst spent: one every 20 s
		{0, "b", true, 0},                 // another client has its own
		{10 * time.Second, "a", false, 10 * time.Second},
		{10 * time.Second, "a", true, 0},
		{0, "a", false, 20 * time.Second},
		{time.Hour, "a", true, 0}, // refilled, never past the burst
		{0, "a", true, 0},
		{0, "a", true, 0},
		{0, "a", false, 20 * time.Second},
	}
	for i, st := range steps {
		clk.t = clk.t.Add(st.after)
		ok, wait := l.allow(st.client)
		if ok != st.ok || wait.Round(time.Millisecond) != st.wait {
			t.Errorf("step %d (%s): allow = %v %v, want %v %v", i, st.client, ok, wait, st.ok, st.wait)
		}
	}
	if newLimiter(0, 100, clk.now) != nil {
		t.Errorf("a limit of 0 made a limiter")
	}
}

func TestRateLimiterMemoryBounded(t *testing.T) {
	clk := &limiterClock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	l := newLimiter(15, 1000, clk.now)
	// A flood of distinct addresses, many per second.
	for i := 0; i < 100000; i++ {
		if i%500 == 0 {
			clk.t = clk.t.Add(time.Second)
		}
		l.allow(fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
		if n := l.size(); n > 1000 {
			t.Fatalf("%d clients remembered after %d, want at most 1000", n, i+1)
		}
	}
	// A resident spends the burst; the flood stops and its buckets
	// refill. The next new address sweeps the idle ones out, not the
	// resident, who is still held back.
	for i := 0; i < 15; i++ {
		l.allow("203.0.113.9")
	}
	clk.t = clk.t.Add(8 * time.Second) // two tokens back, of 15
	l.allow("198.51.100.1")
	if n := l.size(); n != 2 {
		t.Errorf("%d clients after the sweep, want the resident and the newcomer", n)
	}
	for i, want := range []bool{true, true, false} {
		if ok, _ := l.allow("203.0.113.9"); ok != want {
			t.Errorf("resident's question %d after the flood: allowed %v, want %v", i+1, ok, want)
		}
	}
}

func TestRateLimitQuestions(t *testing.T) {
	srv, _, _ := mustOpsServer(t, "", func(cfg *Config, _ *chatbot.Config) { cfg.RateLimit = 2 })
	askBody := `{"question":"đăng ký khai sinh cần gì","commune":"demo"}`
	post := func(path, ctype, body string) (int, http.Header, string) {
		return opsDo(t, "POST", srv.URL+path, strings.NewReader(body), "Content-Type: "+ctype)
	}
	// The API and the page's form share a bucket of 2.
	if status, _, _ := post("/api/v1/ask", "application/json", askBody); status != 200 {
		t.Fatalf("first question: %d", status)
	}
	if status, _, _ := post("/x/demo", "application/x-www-form-urlencoded", "q=khai+sinh"); status != 200 {
		t.Fatalf("second question: %d", status)
	}

	status, h, body := post("/api/v1/ask", "application/json", askBody)
	secs, err := strconv.Atoi(h.Get("Retry-After"))
	if status != http.StatusTooManyRequests || err != nil || secs < 1 || secs > 30 {
		t.Fatalf("third question: status %d Retry-After %q, want 429 and 1–30 s", status, h.Get("Retry-After"))
	}
	want := fmt.Sprintf("Bạn hỏi nhanh quá, vui lòng đợi %d giây rồi hỏi tiếp. (Too many questions: wait %d seconds)", secs, secs)
	if got := opsError(body); got != want {
		t.Errorf("API message %q, want %q", got, want)
	}

	// Without JavaScript the page says it, in the page's language.
	status, h, page := post("/x/demo", "application/x-www-form-urlencoded", "q=khai+sinh&lang=en")
	if status != http.StatusTooManyRequests || h.Get("Retry-After") == "" || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Errorf("form: status %d, type %q", status, h.Get("Content-Type"))
	}
	if !strings.Contains(page, `role="alert">Too many questions: please wait `) || !strings.Contains(page, `<form id="ask"`) {
		t.Errorf("form: the chat page without the message:\n%.600s", page)
	}
	status, _, page = post("/x/demo", "application/x-www-form-urlencoded", "q=khai+sinh")
	if status != http.StatusTooManyRequests || !strings.Contains(page, "Bạn hỏi nhanh quá, vui lòng đợi ") {
		t.Errorf("form in Vietnamese: status %d", status)
	}

	// Other routes are not limited; recordings have their own bucket.
	if status, _, _ := opsDo(t, "GET", srv.URL+"/api/v1/search?q=khai+sinh", nil); status != 200 {
		t.Errorf("search after the limit: %d", status)
	}
	if status, _, _ := post("/api/v1/feedback", "application/json", `{}`); status != 400 {
		t.Errorf("feedback after the limit: %d, want its own 400", status)
	}
	for i, want := range []int{503, 503, 429} {
		if status, _, _ := post("/api/v1/transcribe", "audio/webm", "\x1a\x45\xdf\xa3"); status != want {
			t.Errorf("recording %d: status %d, want %d", i+1, status, want)
		}
	}
	// Searches and feedback have buckets of their own: four searches per
	// question, one feedback per question.
	limited := func(do func() (int, http.Header, string)) (int, string) {
		for i := 1; i <= 20; i++ {
			if status, _, body := do(); status == http.StatusTooManyRequests {
				return i, opsError(body)
			}
		}
		return 0, ""
	}
	if n, msg := limited(func() (int, http.Header, string) { return opsDo(t, "GET", srv.URL+"/api/v1/search?q=khai+sinh", nil) }); n != 4*2 || !strings.HasPrefix(msg, "Quá nhiều yêu cầu") {
		t.Errorf("searches: refused at %d (%q), want at %d (one was made above) with a message", n, msg, 4*2)
	}
	if n, msg := limited(func() (int, http.Header, string) { return post("/api/v1/feedback", "application/json", `{}`) }); n != 2 || !strings.HasPrefix(msg, "Quá nhiều yêu cầu") {
		t.Errorf("feedback: refused at %d (%q), want at 2 (one was sent above) with a message", n, msg)
	}
	body = scrapeMetrics(t, srv.URL)
	for route, want := range map[string]float64{"/api/v1/ask": 1, "/x/:commune": 2, "/api/v1/transcribe": 1} {
		if got, _ := metricValue(body, "hoidap_rate_limited_total", `route="`+route+`"`); got != want {
			t.Errorf("rate-limited %s = %v, want %v", route, got, want)
		}
	}
}

func TestRateLimitTrustedProxies(t *testing.T) {
	tests := []struct {
		name    string
		proxies []string
		want    []int // for X-Forwarded-For 203.0.113.1, .1, .2
	}{
		// Behind a trusted proxy each resident has a bucket of their own.
		{"trusted", []string{"127.0.0.1"}, []int{200, 429, 200}},
		// From anyone else the header is a lie: the peer is the client.
		{"untrusted", nil, []int{200, 429, 429}},
		{"other proxy", []string{"10.0.0.0/8"}, []int{200, 429, 429}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _, _ := mustOpsServer(t, "", func(cfg *Config, _ *chatbot.Config) {
				cfg.RateLimit, cfg.TrustedProxies = 1, tt.proxies
			})
			for i, ip := range []string{"203.0.113.1", "203.0.113.1", "203.0.113.2"} {
				status, _, body := opsDo(t, "POST", srv.URL+"/api/v1/ask", strings.NewReader(`{"question":"khai sinh"}`),
					"Content-Type: application/json", "X-Forwarded-For: "+ip)
				if status != tt.want[i] {
					t.Errorf("request %d from %s: status %d, want %d %s", i+1, ip, status, tt.want[i], body)
				}
			}
		})
	}
}

func TestRateLimitOff(t *testing.T) {
	srv, _, _ := mustOpsServer(t, "", nil)
	for i := 0; i < 20; i++ {
		if status, _, _ := opsDo(t, "POST", srv.URL+"/api/v1/ask", strings.NewReader(`{"question":"khai sinh"}`), "Content-Type: application/json"); status != 200 {
			t.Fatalf("question %d with no limit: %d", i+1, status)
		}
	}
}

// BenchmarkRateLimit measures the allow path of the limiter middleware
// against a no-op middleware, on the same gin engine.
func BenchmarkRateLimit(b *testing.B) {
	gin.SetMode(gin.ReleaseMode)
	noop := func(c *gin.Context) { c.Next() }
	s := &Server{ops: &ops{questions: newLimiter(1<<30, maxClients, time.Now)}}
	for _, bm := range []struct {
		name string
		mw   gin.HandlerFunc
	}{{"noop", noop}, {"limit", s.limitRate}} {
		b.Run(bm.name, func(b *testing.B) {
			r := gin.New()
			r.Use(bm.mw)
			r.POST("/api/v1/ask", func(c *gin.Context) { c.Status(http.StatusNoContent) })
			req := httptest.NewRequest(http.MethodPost, "/api/v1/ask", nil)
			req.RemoteAddr = "203.0.113.7:40000"
			w := httptest.NewRecorder()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r.ServeHTTP(w, req)
			}
			if w.Code != http.StatusNoContent {
				b.Fatalf("status %d", w.Code)
			}
		})
	}
}

func TestRateLimitShownInBrowser(t *testing.T) {
	srv, _, _ := mustOpsServer(t, "", func(cfg *Config, _ *chatbot.Config) { cfg.RateLimit = 1 })
	tb := newTab(t, mustBrowser(t))
	tb.do(chromedp.Navigate(srv.URL+"/x/demo?lang=en"), chromedp.WaitVisible(chromedp.CSS("#q")))
	tb.ask("đăng ký khai sinh cần giấy tờ gì", 1)
	tb.ask("đăng ký kết hôn cần giấy tờ gì", 2)
	got := tb.text("#log .turn:nth-of-type(2) .a")
	if !regexp.MustCompile(`^Too many questions: please wait [0-9]+ seconds, then ask again\.$`).MatchString(got) {
		t.Errorf("second answer %q: want the wait in the conversation", got)
	}
	if !eval[bool](tb, `!document.querySelector("#send").disabled`) {
		t.Errorf("send stays disabled after the refusal")
	}
}
