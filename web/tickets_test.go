package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// unanswerable is a question the starter corpus does not answer.
const unanswerable = "Đèn đường thôn 3 bị hỏng thì báo ai?"

var (
	askOfficeLink = regexp.MustCompile(`href="(/x/demo/hoi-can-bo\?a=[0-9a-f]{28})"`)
	ticketLink    = regexp.MustCompile(`^/t/([0-9a-f]{32})\?new=1$`)
	ticketRowLink = regexp.MustCompile(`href="/admin/tickets/(\d+)"`)
)

// leaveTicket asks the unanswerable question on the page without
// JavaScript, follows the link under the answer to the office's form, and
// leaves the question with a phone number. It returns the private link.
func leaveTicket(t *testing.T, resident *browserless, phone string) string {
	t.Helper()
	r := resident.post("/x/demo", url.Values{"q": {unanswerable}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("question: status %d, want 303", r.status)
	}
	r = resident.get(r.location)
	m := askOfficeLink.FindStringSubmatch(r.body)
	if m == nil {
		t.Fatalf("no «Hỏi cán bộ xã» link under the not-grounded answer:\n%s", r.body)
	}
	form := resident.get(html.UnescapeString(m[1]))
	if !strings.Contains(form.body, ">"+unanswerable+"</textarea>") {
		t.Errorf("the office's form is not pre-filled with the question:\n%s", form.body)
	}
	if !strings.Contains(form.body, "xoá cùng câu hỏi sau 180 ngày") {
		t.Errorf("the consent line does not say how long the number is kept:\n%s", form.body)
	}
	a := strings.TrimPrefix(html.UnescapeString(m[1]), "/x/demo/hoi-can-bo?a=")
	r = resident.post("/x/demo/hoi-can-bo", url.Values{"q": {unanswerable}, "name": {"Chị Lan"}, "phone": {phone}, "a": {a}})
	if r.status != http.StatusSeeOther || !ticketLink.MatchString(r.location) {
		t.Fatalf("leaving the question: %d → %q, want 303 to the private link\n%s", r.status, r.location, r.body)
	}
	return r.location
}

func TestAskOfficeWithoutJavaScript(t *testing.T) {
	srv, _, _ := mustAdminServer(t, "", withChatBot(t))
	resident := newBrowserless(t, srv)
	link := leaveTicket(t, resident, "0912 345 678")

	page := resident.get(link)
	body := html.UnescapeString(page.body)
	if page.status != http.StatusOK {
		t.Fatalf("private link: status %d", page.status)
	}
	for _, want := range []string{unanswerable, "Đã gửi câu hỏi cho cán bộ xã", "Đang chờ cán bộ xã trả lời", `<meta name="robots" content="noindex">`, "•••••••678"} {
		if !strings.Contains(body, want) {
			t.Errorf("private link lacks %q", want)
		}
	}
	if strings.Contains(body, "0912 345 678") || strings.Contains(body, "0912345678") {
		t.Error("the phone number is shown whole on the resident's page")
	}

	t.Run("a wrong phone number is refused with a message", func(t *testing.T) {
		r := resident.post("/x/demo/hoi-can-bo", url.Values{"q": {unanswerable}, "phone": {"gọi giờ trưa"}})
		if r.status != http.StatusBadRequest || !strings.Contains(html.UnescapeString(r.body), "Số điện thoại chưa đúng") {
			t.Errorf("status %d, want 400 with the message\n%s", r.status, r.body)
		}
		if !strings.Contains(r.body, ">"+unanswerable+"</textarea>") {
			t.Error("the refused form lost the question")
		}
	})

	t.Run("in English, second", func(t *testing.T) {
		r := resident.get("/x/demo/hoi-can-bo?lang=en&q=" + url.QueryEscape(unanswerable))
		body := html.UnescapeString(r.body)
		for _, want := range []string{"Ask the commune office", "deleted with it after 180 days", ">" + unanswerable + "</textarea>"} {
			if !strings.Contains(body, want) {
				t.Errorf("English form lacks %q", want)
			}
		}
	})

	t.Run("an unknown private link is a polite 404", func(t *testing.T) {
		r := resident.get("/t/0123456789abcdef0123456789abcdef")
		if r.status != http.StatusNotFound || !strings.Contains(html.UnescapeString(r.body), "chỉ được lưu 180 ngày") {
			t.Errorf("status %d\n%s", r.status, r.body)
		}
	})
}

func TestAskOfficeRateLimited(t *testing.T) {
	srv, _, _ := mustAdminServer(t, "", func(cfg *Config) { cfg.RateLimit = 2 })
	resident := newBrowserless(t, srv)
	for i := range 3 {
		r := resident.post("/x/demo/hoi-can-bo", url.Values{"q": {"câu hỏi số " + itoa(i)}})
		if i < 2 {
			if r.status != http.StatusSeeOther {
				t.Fatalf("ticket %d: status %d, want 303", i, r.status)
			}
			continue
		}
		if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") == "" {
			t.Fatalf("ticket %d of a flood: status %d, Retry-After %q; want 429 with Retry-After", i, r.status, r.header.Get("Retry-After"))
		}
		if body := html.UnescapeString(r.body); !strings.Contains(body, "Bạn gửi nhanh quá") || !strings.Contains(body, "câu hỏi số 2") {
			t.Errorf("the refused form does not say to wait, or lost the question:\n%s", body)
		}
	}
}

func TestAdminTickets(t *testing.T) {
	srv, _, kb := mustAdminServer(t, "", withApprovedBot(t))
	mustOfficer(t, kb, "canbo", "demo")
	mustOfficer(t, kb, "canbokhac", communeB)
	link := leaveTicket(t, newBrowserless(t, srv), "0912 345 678")

	officer := newBrowserless(t, srv)
	officer.login("canbo", officerPW, "/admin/documents")
	list := officer.get("/admin/tickets")
	if !strings.Contains(list.body, unanswerable) || !strings.Contains(list.body, "0912 345 678") {
		t.Fatalf("demo's officer does not see the question and the phone number:\n%s", list.body)
	}
	m := ticketRowLink.FindStringSubmatch(list.body)
	if m == nil {
		t.Fatal("no link to the ticket")
	}
	ticket := "/admin/tickets/" + m[1]

	other := newBrowserless(t, srv)
	other.login("canbokhac", officerPW, "/admin/documents")
	if r := other.get("/admin/tickets"); strings.Contains(r.body, unanswerable) || strings.Contains(r.body, "345 678") {
		t.Error("another commune's officer sees demo's ticket in the list")
	}
	if r := other.get(ticket); r.status != http.StatusForbidden || strings.Contains(r.body, "345 678") {
		t.Errorf("another commune's officer opens demo's ticket: status %d, want 403 without the number", r.status)
	}
	if r := other.post(ticket, url.Values{"reply": {"chiếm"}}); r.status != http.StatusForbidden {
		t.Errorf("another commune's officer replies: status %d, want 403", r.status)
	}

	admin := newBrowserless(t, srv)
	admin.login("admin", adminPW, "/admin/documents")
	if r := admin.get(ticket); r.status != http.StatusOK || strings.Contains(r.body, "0912 345 678") || !strings.Contains(r.body, "•••••••678") {
		t.Errorf("province administrator's ticket page: status %d; the number must be masked", r.status)
	}

	const reply = "Báo trưởng thôn 3 hoặc bộ phận một cửa; đèn được sửa trong 3 ngày làm việc."
	page := officer.get(ticket)
	if !strings.Contains(page.body, `href="tel:0912345678"`) || !strings.Contains(page.body, "Chị Lan") {
		t.Errorf("the officer's ticket page lacks the name or the phone link:\n%s", page.body)
	}
	if r := officer.post(ticket, url.Values{"reply": {reply}}); r.status != http.StatusSeeOther {
		t.Fatalf("reply: status %d\n%s", r.status, r.body)
	}
	if got := html.UnescapeString(officer.get(link).body); !strings.Contains(got, reply) || !strings.Contains(got, "Cán bộ xã đã trả lời") {
		t.Errorf("the private link does not show the reply:\n%s", got)
	}
	officer.get(ticket)
	r := officer.post(ticket+"/approve", nil)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/admin/approved/") {
		t.Fatalf("make approved: %d → %q", r.status, r.location)
	}
	if got := officer.get(r.location); !strings.Contains(got.body, reply) || !strings.Contains(got.body, unanswerable) {
		t.Errorf("the approved answer lacks the question or the reply:\n%s", got.body)
	}
	if dash := html.UnescapeString(officer.get("/admin/dashboard").body); !strings.Contains(dash, "<strong>1</strong> đã trả lời") ||
		!strings.Contains(dash, "<strong>dưới 1 phút</strong> thời gian trả lời") {
		t.Errorf("dashboard does not count the answered ticket and its time to answer")
	}

	next := newBrowserless(t, srv)
	r = next.post("/x/demo", url.Values{"q": {"den duong thon 3 bi hong thi bao ai"}})
	if got := html.UnescapeString(next.get(r.location).body); !strings.Contains(got, "sửa trong 3 ngày làm việc") {
		t.Errorf("the next resident does not get the approved answer:\n%s", got)
	}
}

func TestSpanWords(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{0, "dưới 1 phút"},
		{45 * time.Minute, "45 phút"},
		{3 * time.Hour, "3 giờ"},
		{3*time.Hour + 20*time.Minute, "3 giờ 20 phút"},
		{48 * time.Hour, "2 ngày"},
		{52 * time.Hour, "2 ngày 4 giờ"},
	} {
		if got := spanWords(tc.d); got != tc.want {
			t.Errorf("spanWords(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
}
