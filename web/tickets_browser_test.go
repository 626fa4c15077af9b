package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserAskOffice is issue 17's loop on a 360×740 phone: a resident
// asks what the documents do not answer and leaves the question with a
// phone number; an officer of the commune (and not one of another) sees
// it and answers; the resident's private link shows the reply; the reply
// becomes an approved answer, which the next resident gets.
func TestBrowserAskOffice(t *testing.T) {
	srv, _, kb := mustAdminServer(t, "", withApprovedBot(t))
	mustOfficer(t, kb, "canbo", "demo")
	mustOfficer(t, kb, "canbokhac", communeB)
	base := srv.URL
	browser := mustBrowser(t)
	const reply = "Báo trưởng thôn 3 hoặc bộ phận một cửa của xã; đèn được sửa trong vòng 3 ngày làm việc."

	resident := newTab(t, browser)
	resident.do(chromedp.Navigate(base+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")))
	eval[any](resident, `localStorage.clear(); 0`)
	resident.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#q")))
	resident.ask(unanswerable, 1)
	if a := resident.text("#log .turn .a"); !strings.Contains(a, "không tìm thấy thủ tục") {
		t.Fatalf("answer %q: want the polite not-found reply", a)
	}
	if cls := eval[string](resident, `(document.querySelector("#log .turn a.ask-office") || {}).className || ""`); !strings.Contains(cls, "btn") {
		t.Fatalf("no «Hỏi cán bộ xã» button under the not-grounded answer (%q)", cls)
	}
	resident.do(chromedp.Click(chromedp.CSS("#log .turn a.ask-office")), chromedp.WaitVisible(chromedp.CSS("#tphone")))
	if q := eval[string](resident, `document.querySelector("#tq").value`); q != unanswerable {
		t.Errorf("form question %q, want it pre-filled with %q", q, unanswerable)
	}
	if c := resident.text("#consent"); !strings.Contains(c, "180 ngày") || !strings.Contains(c, "chỉ được cán bộ") {
		t.Errorf("consent line %q", c)
	}
	if w := eval[float64](resident, `document.documentElement.scrollWidth`); w > phoneW {
		t.Errorf("the form is %.0f px wide on a %d px phone", w, phoneW)
	}
	if bottom := eval[float64](resident, `document.querySelector("#tsend").getBoundingClientRect().bottom`); bottom > phoneH {
		t.Errorf("the send button ends at %.0f px, below the first screen (%d px)", bottom, phoneH)
	}
	resident.do(chromedp.SendKeys(chromedp.CSS("#tname"), "Chị Lan"), chromedp.SendKeys(chromedp.CSS("#tphone"), "0912 345 678"))
	writeScreenshot(t, resident, "ask-office.png", "", false)
	resident.do(chromedp.Click(chromedp.CSS("#tsend")), chromedp.WaitVisible(chromedp.CSS("#tstatus")))
	private := eval[string](resident, `location.pathname`)
	if !strings.HasPrefix(private, "/t/") {
		t.Fatalf("after sending, the page is %q, want the private link", private)
	}
	if body := resident.text("body"); strings.Contains(body, "0912 345 678") || !strings.Contains(body, "678") {
		t.Errorf("the private link shows the phone number whole, or not at all masked: %q", body)
	}
	if st := resident.text("#tstatus"); !strings.Contains(st, "Đang chờ") {
		t.Errorf("status %q", st)
	}
	writeScreenshot(t, resident, "ticket-open.png", "", false)

	// The chat page keeps the private link for the next visit.
	resident.do(chromedp.Navigate(base+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")))
	if href := eval[string](resident, `(document.querySelector("section.mine a") || {}).href || ""`); !strings.HasSuffix(href, private) {
		t.Errorf("the chat page does not list the private link (%q)", href)
	}

	login := func(tb *tab, name, pw string) {
		t.Helper()
		tb.do(chromedp.EmulateViewport(1100, 900))
		tb.do(chromedp.Navigate(base+"/admin/tickets"), chromedp.WaitVisible(chromedp.CSS("#password")),
			chromedp.SendKeys(chromedp.CSS("#name"), name), chromedp.SendKeys(chromedp.CSS("#password"), pw),
			chromedp.Click(chromedp.CSS(`form button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS("table")))
	}
	other := newTab(t, browser, chromedp.WithNewBrowserContext())
	login(other, "canbokhac", officerPW)
	if list := other.text("table"); strings.Contains(list, unanswerable) {
		t.Errorf("another commune's officer sees the question: %q", list)
	}

	officer := newTab(t, browser, chromedp.WithNewBrowserContext())
	login(officer, "canbo", officerPW)
	if row := officer.text("table tbody tr"); !strings.Contains(row, unanswerable) || !strings.Contains(row, "Chờ trả lời") {
		t.Fatalf("demo's officer list %q: want the open question", row)
	}
	officer.do(chromedp.Click(chromedp.CSS(`table tbody a`)), chromedp.WaitVisible(chromedp.CSS("#reply")))
	if phone := officer.text("#tphone"); phone != "0912 345 678" {
		t.Errorf("the officer sees phone %q, want it whole", phone)
	}
	officer.do(chromedp.SendKeys(chromedp.CSS("#reply"), reply), chromedp.Click(chromedp.CSS(`form.box button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")), chromedp.WaitVisible(chromedp.CSS("#approve")))

	resident.do(chromedp.Navigate(base+private), chromedp.WaitVisible(chromedp.CSS("#treply")))
	if got := resident.text("#treply"); got != reply {
		t.Errorf("the private link shows %q, want the office's reply", got)
	}
	if w := eval[float64](resident, `document.documentElement.scrollWidth`); w > phoneW {
		t.Errorf("the private link's page is %.0f px wide on a %d px phone", w, phoneW)
	}
	writeScreenshot(t, resident, "ticket-answered.png", "", false)

	officer.do(chromedp.Click(chromedp.CSS("#approve")), chromedp.WaitVisible(chromedp.CSS("#answer")))
	if flash := officer.text(".flash"); !strings.Contains(flash, "Đã duyệt") {
		t.Errorf("after one click, the page says %q", flash)
	}
	if a := eval[string](officer, `document.querySelector("#answer").value`); a != reply {
		t.Errorf("approved answer %q, want the reply", a)
	}

	next := newTab(t, browser, chromedp.WithNewBrowserContext())
	next.do(chromedp.Navigate(base+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")))
	next.ask("den duong o thon 3 bi hong thi bao cho ai", 1)
	if a := next.text("#log .turn .a"); !strings.Contains(a, "sửa trong vòng 3 ngày") {
		t.Errorf("next resident's answer %q: want the approved reply", a)
	}
	for _, tb := range []*tab{resident, officer, other, next} {
		if errs := tb.errors(); len(errs) > 0 {
			t.Errorf("console errors: %v", errs)
		}
	}
}
