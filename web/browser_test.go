package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/knowledge"
)

// phone is the viewport of a cheap Android phone.
const phoneW, phoneH = 360, 740

// mustChatServer serves the whole engine with a real bot (extractive
// answers) over the starter corpus, as a resident would reach it.
// withChatBot gives a server config a real bot (extractive answers) that
// knows the communes' contacts.
func withChatBot(tb testing.TB) func(*Config) {
	return func(cfg *Config) {
		cs := cfg.Communes
		bot, err := chatbot.New(chatbot.Config{
			Knowledge: cfg.Knowledge, Places: mustPlaces(tb), Recorder: recordsOf(tb, cfg.Knowledge.(*knowledge.Base)),
			CommuneContact: func(slug string) (chatbot.Contact, bool) {
				c, ok := cs.Lookup(slug)
				return chatbot.Contact{Name: c.Name, Province: c.Province, Address: c.Address, Hours: c.Hours, Hotline: c.Hotline, MapURL: c.MapURL}, ok
			},
		})
		if err != nil {
			tb.Fatal(err)
		}
		cfg.Bot = bot
	}
}

func mustChatServer(tb testing.TB) (*httptest.Server, *knowledge.Base) {
	tb.Helper()
	s, kb := mustServer(tb, withChatBot(tb))
	srv := httptest.NewServer(s)
	tb.Cleanup(srv.Close)
	return srv, kb
}

// mustBrowser starts Debian's chromium, headless, for the test. It fails,
// not skips, when chromium is missing: CI installs it.
func mustBrowser(t *testing.T) context.Context {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium not found: install it (apt-get install chromium); the browser tests need it")
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(phoneW, phoneH))
	t.Cleanup(cancel)
	bctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if err := chromedp.Do(bctx); err != nil { // start the browser now
		t.Fatalf("start chromium: %v", err)
	}
	return bctx
}

// tab is one browser tab at phone size that records console errors and
// what the page fetched.
type tab struct {
	ctx  context.Context
	t    *testing.T
	mu   sync.Mutex
	errs []string
	urls map[network.RequestID]string
	size map[network.RequestID]float64
}

// newTab opens a tab at phone size; opts may give it a browser context of
// its own (chromedp.WithNewBrowserContext), with cookies of its own.
func newTab(t *testing.T, browser context.Context, opts ...chromedp.ContextOption) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, opts...)
	ctx, cancel2 := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancel2(); cancel() })
	tb := &tab{ctx: ctx, t: t, urls: map[network.RequestID]string{}, size: map[network.RequestID]float64{}}
	msgs := chromedp.Console(ctx)
	reqs := chromedp.Events(ctx, network.RequestWillBeSent)
	done := chromedp.Events(ctx, network.LoadingFinished)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				tb.mu.Lock()
				tb.errs = append(tb.errs, m.String())
				tb.mu.Unlock()
			}
		}
	}()
	go func() {
		for ev, err := range reqs {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.urls[ev.RequestID] = ev.Request.URL
			tb.mu.Unlock()
		}
	}()
	go func() {
		for ev, err := range done {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.size[ev.RequestID] += ev.EncodedDataLength
			tb.mu.Unlock()
		}
	}()
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	tb.do(chromedp.EmulateViewport(phoneW, phoneH))
	return tb
}

func (tb *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		tb.t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression that yields a boolean, a number
// or a string.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		tb.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// text returns the text of every element matching sel, joined by " | ".
func (tb *tab) text(sel string) string {
	tb.t.Helper()
	return eval[string](tb, `Array.from(document.querySelectorAll(`+jsString(sel)+`)).map(e => e.textContent.trim()).join(" | ")`)
}

// ask types a question and presses Enter, then waits for the n-th answer
// to finish (its feedback buttons appear).
func (tb *tab) ask(q string, n int) {
	tb.t.Helper()
	tb.do(chromedp.SendKeys(chromedp.CSS("#q"), q), chromedp.KeyEvent("\r"))
	tb.waitTurns(n)
}

func (tb *tab) waitTurns(n int) {
	tb.t.Helper()
	tb.do(chromedp.Poll[chromedp.Void](`document.querySelectorAll("#log .turn .fb").length >= ` + itoa(2*n) +
		` || document.querySelectorAll("#log .turn .a.wait").length > 0 && !document.querySelector("#send").disabled && document.querySelectorAll("#log .turn").length >= ` + itoa(n)))
}

// errors returns the console errors seen so far.
func (tb *tab) errors() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]string(nil), tb.errs...)
}

func jsString(s string) string { return "`" + strings.ReplaceAll(s, "`", "\\`") + "`" }

func itoa(n int) string { return strconv.Itoa(n) }

func TestBrowserChat(t *testing.T) {
	srv, kb := mustChatServer(t)
	browser := mustBrowser(t)

	t.Run("question streams an answer with a source card", func(t *testing.T) {
		tb := newTab(t, browser)
		streamed := chromedp.Events(tb.ctx, network.ResponseReceived)
		sawStream := make(chan bool, 1)
		go func() {
			for ev, err := range streamed {
				if err != nil {
					return
				}
				if strings.HasSuffix(ev.Response.URL, "/api/v1/ask") {
					sawStream <- strings.HasPrefix(ev.Response.MimeType, "text/event-stream")
					return
				}
			}
		}()
		tb.do(chromedp.Navigate(srv.URL+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")))
		tb.ask("đăng ký khai sinh cho con cần giấy tờ gì", 1)
		if !<-sawStream {
			t.Error("the answer did not come as an event stream")
		}
		if a := tb.text("#log .turn .a"); len([]rune(a)) < 40 {
			t.Errorf("answer %q: too short", a)
		}
		cards := tb.text("#log .turn .card h3")
		if !strings.Contains(strings.ToLower(cards), "khai sinh") {
			t.Errorf("source cards %q: want the birth registration procedure", cards)
		}
		if n := eval[int](tb, `document.querySelectorAll("#log .card .check li").length`); n == 0 {
			t.Error("source card has no checklist of papers")
		}
		writeScreenshot(t, tb, "chat.png", `document.querySelector("#log .card").scrollIntoView(); window.scrollBy(0, -150)`, false)

		// A follow-up without the topic stays on it.
		tb.ask("lệ phí bao nhiêu?", 2)
		second := tb.text("#log .turn:nth-child(2) .card h3") + " " + tb.text("#log .turn:nth-child(2) .a")
		if !strings.Contains(strings.ToLower(second), "khai sinh") {
			t.Errorf("follow-up answer %q: went off the birth registration topic", second)
		}

		// Feedback is recorded against the answer.
		tb.do(chromedp.Click(chromedp.CSS(`#log .turn:nth-child(1) .fb[data-helpful="true"]`)),
			chromedp.Poll[chromedp.Void](`document.querySelector('#log .turn:nth-child(1) .fb[data-helpful="true"]').getAttribute("aria-pressed") === "true"`))
		var helpful int
		if err := recordsOf(t, kb).DB().QueryRowContext(tb.ctx, `SELECT COUNT(*) FROM answers WHERE helpful = 1`).Scan(&helpful); err != nil {
			t.Fatal(err)
		}
		if helpful != 1 {
			t.Errorf("%d answers marked helpful in the store, want 1", helpful)
		}

		// The conversation survives a reload.
		tb.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#q")))
		if n := eval[int](tb, `document.querySelectorAll("#log .turn").length`); n != 2 {
			t.Errorf("%d turns after reload, want 2", n)
		}
		if got := tb.text(`#log .turn:nth-child(1) .fb[aria-pressed="true"]`); !strings.Contains(got, "Hữu ích") {
			t.Errorf("feedback not remembered after reload: %q", got)
		}
		if errs := tb.errors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})

	t.Run("office questions answered from the commune's details", func(t *testing.T) {
		tb := newTab(t, browser)
		// A fresh conversation: the tab shares the earlier one's storage.
		tb.do(chromedp.Navigate(srv.URL+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")))
		eval[bool](tb, `localStorage.clear(), sessionStorage.clear(), true`)
		tb.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#q")))
		tb.ask("ủy ban xã làm việc mấy giờ", 1)
		if a := tb.text("#log .turn:nth-child(1) .a"); !strings.Contains(a, "Thứ Hai–Thứ Sáu 7h30–11h30") || !strings.Contains(a, "Theo thông tin xã cập nhật") {
			t.Errorf("hours answer %q: want the commune's own hours, cited as its details", a)
		}
		if cards := tb.text("#log .turn:nth-child(1) .card h3"); !strings.Contains(cards, "Thông tin của Xã Mẫu") {
			t.Errorf("source %q: want the commune's details", cards)
		}
		tb.ask("so dien thoai cua xa la gi", 2)
		if a := tb.text("#log .turn:nth-child(2) .a"); !strings.Contains(a, "0000 000 000") {
			t.Errorf("phone answer %q: want the commune's hotline", a)
		}
	})

	t.Run("script payload stays inert", func(t *testing.T) {
		tb := newTab(t, browser)
		payload := `<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> khai sinh`
		tb.do(chromedp.Navigate(srv.URL+"/x/thuan-my-tay-ninh"), chromedp.WaitVisible(chromedp.CSS("#q")))
		tb.ask(payload, 1)
		for _, when := range []string{"after answering", "after reload"} {
			if eval[bool](tb, `window.pwned !== undefined || document.querySelector("#log img, #log script") !== null`) {
				t.Fatalf("%s: the payload ran or became markup", when)
			}
			if q := tb.text("#log .turn .q"); !strings.Contains(q, `<script>window.pwned=2</script>`) {
				t.Errorf("%s: question shown as %q, want it as typed", when, q)
			}
			tb.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#q")), chromedp.Sleep(200*time.Millisecond))
		}
		if errs := tb.errors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})

	t.Run("large text switch persists", func(t *testing.T) {
		tb := newTab(t, browser)
		tb.do(chromedp.Navigate(srv.URL+"/x/binh-lu-lai-chau"), chromedp.WaitVisible(chromedp.CSS("#big")))
		before := eval[float64](tb, `parseFloat(getComputedStyle(document.querySelector("h1")).fontSize)`)
		tb.do(chromedp.Click(chromedp.CSS("#big")), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#big")))
		after := eval[float64](tb, `parseFloat(getComputedStyle(document.querySelector("h1")).fontSize)`)
		if after <= before*1.1 {
			t.Errorf("heading %.0fpx before, %.0fpx after switching large text and reloading", before, after)
		}
		if p := eval[string](tb, `document.querySelector("#big").getAttribute("aria-pressed")`); p != "true" {
			t.Errorf("switch aria-pressed %q after reload", p)
		}
		if errs := tb.errors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})

	t.Run("english page", func(t *testing.T) {
		tb := newTab(t, browser)
		tb.do(chromedp.Navigate(srv.URL+"/x/demo?lang=en"), chromedp.WaitVisible(chromedp.CSS("#q")))
		if l := eval[string](tb, `document.documentElement.lang`); l != "en" {
			t.Errorf("lang %q", l)
		}
		if s := tb.text("#send"); s != "Send" {
			t.Errorf("send button %q", s)
		}
	})

	t.Run("without javascript the form answers", func(t *testing.T) {
		tb := newTab(t, browser)
		if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		tb.do(chromedp.Navigate(srv.URL+"/x/demo"), chromedp.WaitVisible(chromedp.CSS(".suggest button")),
			chromedp.Click(chromedp.CSS(".suggest button")), // "Đăng ký khai sinh cần giấy tờ gì?"
			chromedp.WaitVisible(chromedp.CSS("#log .turn .card")))
		if cards := tb.text("#log .card h3"); !strings.Contains(strings.ToLower(cards), "khai sinh") {
			t.Errorf("cards %q", cards)
		}
		if a := tb.text("#log .turn .a"); len([]rune(a)) < 40 {
			t.Errorf("answer %q", a)
		}
	})

	t.Run("page weight and origin", func(t *testing.T) {
		tb := newTab(t, browser)
		tb.do(chromedp.Navigate(srv.URL+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")), chromedp.Sleep(300*time.Millisecond))
		tb.mu.Lock()
		var total float64
		for id, u := range tb.urls {
			if !strings.HasPrefix(u, srv.URL+"/") {
				t.Errorf("request to another origin: %s", u)
			}
			total += tb.size[id]
		}
		n := len(tb.urls)
		tb.mu.Unlock()
		t.Logf("chat page: %d requests, %.0f bytes transferred", n, total)
		if n < 3 {
			t.Errorf("%d requests: the page, its script and its style sheet were not all seen", n)
		}
		if total > 30*1024 {
			t.Errorf("%.0f bytes transferred, budget 30 KB", total)
		}
		tb.ask("chứng thực bản sao cần gì", 1)
		tb.do(chromedp.Sleep(300 * time.Millisecond))
		tb.mu.Lock()
		total = 0
		for _, n := range tb.size {
			total += n
		}
		tb.mu.Unlock()
		t.Logf("with one answer: %.0f bytes transferred", total)
		if errs := tb.errors(); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})

	t.Run("poster", func(t *testing.T) {
		tb := newTab(t, browser)
		tb.do(chromedp.Navigate(srv.URL+"/poster/demo?p=cong-uy-ban"), chromedp.WaitVisible(chromedp.CSS("img.qr")))
		if !eval[bool](tb, `document.querySelector("img.qr").complete && document.querySelector("img.qr").naturalWidth > 0`) {
			t.Error("QR image did not load")
		}
		writeScreenshot(t, tb, "poster.png", "", true)
	})
}

// writeScreenshot captures the page at phone size. With
// HOIDAP_SCREENSHOTS=1 it writes docs/screenshots/NAME for the README;
// otherwise into the test's temporary directory.
func writeScreenshot(t *testing.T, tb *tab, name, before string, full bool) {
	t.Helper()
	if before != "" {
		eval[any](tb, before+"; 0")
	}
	shot := chromedp.CaptureScreenshot()
	if full {
		shot = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(tb.ctx, shot)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if os.Getenv("HOIDAP_SCREENSHOTS") == "1" {
		dir = filepath.Join("..", "docs", "screenshots")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
