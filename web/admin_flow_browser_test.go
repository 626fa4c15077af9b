package web

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
)

// TestAdminFlowUnansweredToApproved is the officer's loop: a resident asks
// something the documents do not answer, the administrator sees it on the
// dashboard, writes an approved answer from there, and the resident asking
// again (without diacritics) gets it.
func TestAdminFlowUnansweredToApproved(t *testing.T) {
	srv, _, kb := mustAdminServer(t, "", withApprovedBot(t))
	base := srv.URL
	browser := mustBrowser(t)
	const question = "Đèn đường thôn 3 bị hỏng thì báo ai?"
	const answer = "Báo trưởng thôn 3 hoặc bộ phận một cửa của xã; đèn được sửa trong vòng 3 ngày làm việc."

	seedQuestions(t, recordsOf(t, kb))
	resident := newTab(t, browser)
	resident.do(chromedp.Navigate(base+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")))
	resident.ask(question, 1)
	if a := resident.text("#log .turn .a"); !strings.Contains(a, "không tìm thấy thủ tục") {
		t.Fatalf("first answer %q: want the polite not-found reply", a)
	}

	admin := newTab(t, browser)
	admin.do(chromedp.EmulateViewport(1100, 900))
	admin.do(chromedp.Navigate(base+"/admin/dashboard?commune=demo"), chromedp.WaitVisible(chromedp.CSS("#password")),
		chromedp.SendKeys(chromedp.CSS("#name"), "admin"), chromedp.SendKeys(chromedp.CSS("#password"), adminPW),
		chromedp.Click(chromedp.CSS(`form button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS("svg.chart")))
	if gaps := admin.text("#gaps + p + table td"); !strings.Contains(gaps, question) {
		t.Fatalf("dashboard gaps %q: want the unanswered question", gaps)
	}
	if !strings.Contains(admin.text("table td"), "đăng ký khai sinh") {
		t.Errorf("top procedures lack the seeded ones")
	}
	if r := admin.text(".hint"); !strings.Contains(r, "Lưu trữ hội thoại: 180 ngày") {
		t.Errorf("retention not shown: %q", r)
	}
	writeScreenshot(t, admin, "admin-dashboard.png", "", true)

	eval[any](admin, `Array.from(document.querySelectorAll("td a")).find(a => a.closest("tr").textContent.includes(`+jsString(question)+`)).click(); 0`)
	admin.do(chromedp.WaitVisible(chromedp.CSS("#answer")))
	if q := eval[string](admin, `document.querySelector("#question").value`); q != question {
		t.Errorf("form question %q, want it pre-filled with %q", q, question)
	}
	admin.do(chromedp.SendKeys(chromedp.CSS("#answer"), answer),
		chromedp.Click(chromedp.CSS(`form.box button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(".flash")))
	if list := admin.text("table td"); !strings.Contains(list, answer) {
		t.Errorf("approved list %q lacks the answer", list)
	}

	admin.do(chromedp.Navigate(base+"/admin/dashboard?commune=demo"), chromedp.WaitVisible(chromedp.CSS("svg.chart")))
	if row := eval[string](admin, `Array.from(document.querySelectorAll("tr")).find(tr => tr.textContent.includes(`+jsString(question)+`)).textContent`); !strings.Contains(row, "Đã có câu trả lời") {
		t.Errorf("dashboard row %q: want it marked as answered", row)
	}

	again := newTab(t, browser)
	again.do(chromedp.Navigate(base+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")))
	eval[any](again, `localStorage.clear(); sessionStorage.clear(); 0`)
	again.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#q")))
	again.ask("den duong o thon 3 bi hong thi bao cho ai", 1)
	if a := again.text("#log .turn .a"); !strings.Contains(a, "sửa trong vòng 3 ngày") {
		t.Errorf("second answer %q: want the approved answer", a)
	}
	if cards := again.text("#log .turn .card h3"); !strings.Contains(cards, "Câu trả lời của") {
		t.Errorf("cited as %q: want the commune's own answer", cards)
	}
	for _, tb := range []*tab{resident, admin, again} {
		if errs := tb.errors(); len(errs) > 0 {
			t.Errorf("console errors: %v", errs)
		}
	}
}

// withApprovedBot gives the server a real bot (extractive answers) that
// records its answers and gives the approved ones first.
func withApprovedBot(tb testing.TB) func(*Config) {
	return func(cfg *Config) {
		st := recordsOf(tb, cfg.Knowledge.(*knowledge.Base))
		bot, err := chatbot.New(chatbot.Config{Knowledge: cfg.Knowledge, Places: mustPlaces(tb), Recorder: st,
			CommuneContact: chatbot.OfficeContacts(cfg.Communes.(chatbot.Offices)), Approved: st})
		if err != nil {
			tb.Fatal(err)
		}
		cfg.Bot = bot
	}
}

// seedQuestions records a month of residents' questions in demo, so the
// dashboard has something to show besides the question of the test.
func seedQuestions(t *testing.T, st *records.Store) {
	t.Helper()
	asked := []struct {
		q, doc, mode string
	}{
		{"Đăng ký khai sinh cần giấy tờ gì?", "dvc-1.001193", "extractive"},
		{"làm căn cước cho con dưới 14 tuổi", "dvc-1.014062", "llm"},
		{"đăng ký kết hôn mất bao lâu", "dvc-1.000894", "extractive"},
		{"chứng thực bản sao lệ phí bao nhiêu", "dvc-2.000815", "llm"},
		{"đăng ký thường trú cần gì", "dvc-1.004222", "extractive"},
		{"Xin giấy phép bán hàng rong ở chợ", "", "extractive"},
	}
	now := time.Now()
	n := 0
	for day := 29; day >= 1; day-- {
		for i := 0; i < (day*7)%5+1+(30-day)/6; i++ {
			a := asked[(day+i)%len(asked)]
			r := records.AnswerRecord{ID: fmt.Sprintf("seed%d", n), Commune: "demo", Question: a.q, Mode: a.mode,
				Grounded: a.doc != "", Created: now.AddDate(0, 0, -day).Add(time.Duration(i) * time.Minute)}
			if a.doc != "" {
				r.Sources = []string{a.doc}
			}
			if err := st.RecordAnswer(context.Background(), r); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
}
