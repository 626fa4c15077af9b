package web

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserPhone is the chat page as a resident on a 360×740 phone
// meets it (issue 17): the question box on the first screen, nothing
// moving when the script adds its buttons, read-aloud that says when
// there is no Vietnamese voice, and a share link that opens without
// JavaScript.
func TestBrowserPhone(t *testing.T) {
	_, srv, kb := mustShareServer(t)
	browser := mustBrowser(t)

	t.Run("question box on the first screen, no layout shift", func(t *testing.T) {
		for _, slug := range []string{"demo", "thuan-my-tay-ninh"} {
			tb := newTab(t, browser)
			// Count every layout shift from the first paint on.
			if _, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `window.__shift = 0;
				new PerformanceObserver(l => l.getEntries().forEach(e => { window.__shift += e.value; })).observe({type: "layout-shift", buffered: true});`}); err != nil {
				t.Fatal(err)
			}
			tb.do(chromedp.Navigate(srv.URL+"/x/"+slug), chromedp.WaitVisible(chromedp.CSS("#big")), chromedp.Sleep(500*time.Millisecond))
			if bottom := eval[float64](tb, `document.querySelector("#q").getBoundingClientRect().bottom`); bottom > phoneH {
				t.Errorf("%s: the question box ends at %.0f px, below the first screen (%d px)", slug, bottom, phoneH)
			}
			if slug == "demo" {
				writeScreenshot(t, tb, "first-screen.png", "", false)
			}
			if eval[bool](tb, `document.querySelector("details.office").open`) {
				t.Errorf("%s: office details open: they push the question box down", slug)
			}
			if sum := eval[string](tb, `document.querySelector("details.office summary").textContent`); !strings.Contains(sum, "Trung tâm phục vụ hành chính công") {
				t.Errorf("%s: office summary %q", slug, sum)
			}
			got := eval[float64](tb, `window.__shift`)
			if got > 0 {
				t.Errorf("%s: the page moved as the script ran (layout shift %.3f)", slug, got)
			}
		}
	})

	t.Run("read aloud says when there is no Vietnamese voice", func(t *testing.T) {
		tb := newTab(t, browser)
		tb.do(chromedp.Navigate(srv.URL+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")))
		// A phone without a Vietnamese voice: only an English one, late.
		eval[bool](tb, `speechSynthesis.getVoices = () => [{lang: "en-US", name: "English"}], true`)
		tb.ask("chứng thực bản sao cần gì", 1)
		tb.do(chromedp.Click(chromedp.CSS("#log .turn .acts button:first-child")))
		if got := tb.text("#log .turn .acts button:first-child"); got != "Dừng đọc" {
			t.Errorf("read button %q while looking for a voice, want Dừng đọc", got)
		}
		tb.do(chromedp.Poll[chromedp.Void](`document.querySelector("#status").textContent.includes("chưa có giọng đọc tiếng Việt")`))
		if got := tb.text("#log .turn .acts button:first-child"); got != "Đọc to" {
			t.Errorf("read button %q after saying there is no voice, want Đọc to", got)
		}
	})

	t.Run("share link of an answer opens without JavaScript", func(t *testing.T) {
		tb := newTab(t, browser)
		tb.do(chromedp.Navigate(srv.URL+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")))
		eval[bool](tb, `localStorage.clear(), true`)
		tb.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#q")))
		tb.ask("đăng ký khai sinh cần giấy tờ gì", 1)
		href := eval[string](tb, `(document.querySelector("#log .turn a.share") || {}).href || ""`)
		if !strings.Contains(href, "/a/") {
			t.Fatalf("no share link under a grounded answer (%q)", href)
		}
		answer := tb.text("#log .turn .a")
		nojs := newTab(t, browser)
		if _, err := chromedp.Call(nojs.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		nojs.do(chromedp.Navigate(href), chromedp.WaitVisible(chromedp.CSS(".a")))
		if got := nojs.text(".a"); got != strings.TrimSpace(answer) {
			t.Errorf("shared answer %q, want the one given %q", got, answer)
		}
		if got := nojs.text(".results li"); !strings.Contains(strings.ToLower(got), "khai sinh") {
			t.Errorf("shared sources %q", got)
		}
		if q := nojs.text("h1"); !strings.Contains(q, "đăng ký khai sinh cần giấy tờ gì") {
			t.Errorf("shared question %q", q)
		}
		// The answer reads across the phone's width, and no wider.
		if w := eval[float64](nojs, `document.documentElement.scrollWidth`); w > phoneW {
			t.Errorf("share page %.0f px wide on a %d px phone", w, phoneW)
		}
		if w := eval[float64](nojs, `document.querySelector(".a").getBoundingClientRect().width`); w < phoneW*3/4 {
			t.Errorf("the shared answer is a column %.0f px wide on a %d px phone", w, phoneW)
		}
		nojs.do(chromedp.Navigate(srv.URL + "/a/0123456789abcdef0123456789ab"))
		if got := nojs.text("h1"); got != "Không xem được câu trả lời này" {
			t.Errorf("unknown share link: heading %q", got)
		}
	})

	t.Run("without javascript: answer, reload, feedback, share", func(t *testing.T) {
		tb := newTab(t, browser)
		if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		count := func() int {
			var n int
			if err := recordsOf(t, kb).DB().QueryRow(`SELECT COUNT(*) FROM answers`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		tb.do(chromedp.Navigate(srv.URL+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")),
			chromedp.SendKeys(chromedp.CSS("#q"), "đăng ký thường trú cần hồ sơ gì"), chromedp.Click(chromedp.CSS("#send")),
			chromedp.WaitVisible(chromedp.CSS("#log .turn .card")))
		if u := eval[string](tb, `location.pathname + location.search`); !strings.HasPrefix(u, "/x/demo?a=") {
			t.Errorf("after the answer the address is %q, want the answer's own page", u)
		}
		n := count()
		tb.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#log .turn .card")))
		if got := count(); got != n {
			t.Errorf("%d answer records after a reload, want %d: the reload asked again", got, n)
		}
		tb.do(chromedp.Click(chromedp.CSS(`#log .fb[value="1"]`)), chromedp.WaitVisible(chromedp.CSS(`#log [role=status]`)))
		if got := eval[string](tb, `document.querySelector('#log .fb[value="1"]').getAttribute("aria-pressed")`); got != "true" {
			t.Errorf("helpful button aria-pressed %q after pressing it", got)
		}
		var helpful int
		if err := recordsOf(t, kb).DB().QueryRow(`SELECT COUNT(*) FROM answers WHERE helpful = 1`).Scan(&helpful); err != nil || helpful != 1 {
			t.Errorf("%d answers marked helpful (%v), want 1", helpful, err)
		}
		tb.do(chromedp.Click(chromedp.CSS(`#log a.share`)), chromedp.WaitVisible(chromedp.CSS(".results")))
		if got := tb.text(".a"); !strings.Contains(strings.ToLower(got), "thường trú") {
			t.Errorf("share page answer %q", got)
		}
		writeScreenshot(t, tb, "share.png", "", false)
	})
}
