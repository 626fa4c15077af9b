package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/knowledge"
)

// mustShareServer serves the whole engine with a real bot (extractive
// answers), and returns the server for its clock and turn cache.
func mustShareServer(tb testing.TB) (*Server, *httptest.Server, *knowledge.Base) {
	tb.Helper()
	s, kb := mustServer(tb, withChatBot(tb))
	srv := httptest.NewServer(s)
	tb.Cleanup(srv.Close)
	return s, srv, kb
}

// askAPI asks a question of the demo commune and returns the answer's id
// and whether it is grounded.
func askAPI(tb testing.TB, base, q string) (string, bool) {
	tb.Helper()
	body, _ := json.Marshal(map[string]string{"question": q, "commune": "demo"})
	resp, err := http.Post(base+"/api/v1/ask", "application/json", strings.NewReader(string(body)))
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		ID       string `json:"id"`
		Grounded bool   `json:"grounded"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || resp.StatusCode != 200 {
		tb.Fatalf("ask %q: status %d, %v", q, resp.StatusCode, err)
	}
	return r.ID, r.Grounded
}

// fetch GETs target and returns the status and the body, unescaped.
func fetch(tb testing.TB, target string) (int, string, int) {
	tb.Helper()
	resp, err := http.Get(target)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, html.UnescapeString(string(b)), len(b)
}

func TestSharePage(t *testing.T) {
	s, srv, kb := mustShareServer(t)
	id, grounded := askAPI(t, srv.URL, "đăng ký khai sinh cho con cần giấy tờ gì, số điện thoại của tôi là 0912345678")
	if !grounded {
		t.Fatal("the birth registration question was not grounded")
	}
	if !answerID.MatchString(id) {
		t.Fatalf("answer id %q: not 28 hex digits with a random half", id)
	}

	t.Run("shows question masked, answer, sources and date, without script", func(t *testing.T) {
		status, body, size := fetch(t, srv.URL+"/a/"+id)
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
		if size >= 15<<10 {
			t.Errorf("share page is %d bytes, budget 15 KB", size)
		}
		if strings.Contains(body, "0912345678") || strings.Contains(body, "0912 345 678") {
			t.Error("the resident's phone number is on the share page")
		}
		today := time.Now().In(vietnam).Format("02/01/2006")
		for _, w := range []string{"Người dân hỏi:", "khai sinh", "Nguồn", "dichvucong.gov.vn", today,
			`<meta property="og:title" content="đăng ký khai sinh`, `<meta property="og:description" content="`,
			`<meta property="og:url" content="http://hoidap.test/a/` + id + `">`, `<meta name="robots" content="noindex">`, `href="/x/demo"`} {
			if !strings.Contains(body, w) {
				t.Errorf("share page lacks %q", w)
			}
		}
		var stored string
		if err := recordsOf(t, kb).DB().QueryRow(`SELECT answer FROM answers WHERE id = ?`, id).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		if first := strings.SplitN(stored, "\n", 2)[0]; !strings.Contains(body, first) {
			t.Errorf("share page lacks the answer's first line %q", first)
		}
		if strings.Contains(body, "<script") {
			t.Error("share page carries a script: it must read without JavaScript")
		}
	})

	t.Run("asked without a commune", func(t *testing.T) {
		resp, err := http.Post(srv.URL+"/api/v1/ask", "application/json", strings.NewReader(`{"question":"đăng ký kết hôn cần những gì"}`))
		if err != nil {
			t.Fatal(err)
		}
		var r struct{ ID string }
		err = json.NewDecoder(resp.Body).Decode(&r)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		status, body, _ := fetch(t, srv.URL+"/a/"+r.ID)
		if status != http.StatusOK || !strings.Contains(body, `<a class="btn" href="/">Hỏi câu của bạn</a>`) {
			t.Errorf("status %d; the page does not send the reader to find their commune", status)
		}
	})

	t.Run("english", func(t *testing.T) {
		status, body, _ := fetch(t, srv.URL+"/a/"+id+"?lang=en")
		if status != http.StatusOK || !strings.Contains(body, "A resident asked") {
			t.Errorf("status %d, english page lacks its words", status)
		}
	})

	gone := []struct {
		name, target string
		want         string
	}{
		{"unknown id", "/a/" + fmt.Sprintf("%012x", time.Now().UnixMilli()) + "0123456789abcdef", "Không có câu trả lời nào ở đường dẫn này"},
		{"not an id", "/a/1", "Không có câu trả lời nào ở đường dẫn này"},
		{"id of a number counted up", "/a/2", "Không có câu trả lời nào"},
	}
	if ng, grounded := askAPI(t, srv.URL, "giá điện tháng này bao nhiêu tiền một số"); !grounded {
		gone = append(gone, struct{ name, target, want string }{"not grounded", "/a/" + ng, "không chia sẻ được"})
	} else {
		t.Error("a question about the electricity bill was grounded")
	}
	for _, tt := range gone {
		t.Run(tt.name, func(t *testing.T) {
			status, body, _ := fetch(t, srv.URL+tt.target)
			if status != http.StatusNotFound {
				t.Errorf("status %d, want 404", status)
			}
			for _, w := range []string{tt.want, `<html lang="vi">`, "Không xem được câu trả lời này", `href="/"`} {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}

	t.Run("purged after the retention period", func(t *testing.T) {
		later := time.Now().AddDate(0, 0, 181)
		s.site.now = func() time.Time { return later }
		defer func() { s.site.now = time.Now }()
		if _, err := recordsOf(t, kb).PurgeAnswers(context.Background(), later.AddDate(0, 0, -180)); err != nil {
			t.Fatal(err)
		}
		status, body, _ := fetch(t, srv.URL+"/a/"+id)
		if status != http.StatusNotFound || !strings.Contains(body, "chỉ được lưu 180 ngày") {
			t.Errorf("status %d; page does not say the answer was deleted after 180 days", status)
		}
	})
}

func TestChatFormRedirectsToTheAnswer(t *testing.T) {
	s, srv, kb := mustShareServer(t)
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	count := func() int {
		var n int
		if err := recordsOf(t, kb).DB().QueryRow(`SELECT COUNT(*) FROM answers`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	resp, err := noFollow.PostForm(srv.URL+"/x/demo", url.Values{"q": {"đăng ký kết hôn cần những gì, CCCD 001234567890"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/x/demo?a=") {
		t.Fatalf("status %d, Location %q: want 303 to the page of the answer", resp.StatusCode, loc)
	}
	id := strings.TrimPrefix(loc, "/x/demo?a=")
	before := count()
	for _, when := range []string{"first", "reload", "reload after the kept turn is gone"} {
		if when == "reload after the kept turn is gone" {
			s.site.turns = newTurnCache() // another replica, or half an hour later
		}
		status, body, _ := fetch(t, srv.URL+loc)
		if status != http.StatusOK {
			t.Fatalf("%s: status %d", when, status)
		}
		for _, w := range []string{"đăng ký kết hôn cần những gì, CCCD", `class="card"`, `name="helpful" value="1"`, `href="/a/` + id + `"`, `<meta name="robots" content="noindex">`} {
			if !strings.Contains(body, w) {
				t.Errorf("%s: page lacks %q", when, w)
			}
		}
		if strings.Contains(body, "001234567890") {
			t.Errorf("%s: the citizen ID shown unmasked in a page whose address may be passed on", when)
		}
	}
	if n := count(); n != before {
		t.Errorf("%d answer records after reloads, want %d: a reload asked again", n, before)
	}

	// The feedback buttons without JavaScript.
	resp, err = noFollow.PostForm(srv.URL+"/x/demo", url.Values{"a": {id}, "helpful": {"1"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("feedback: status %d", resp.StatusCode)
	}
	var helpful int
	if err := recordsOf(t, kb).DB().QueryRow(`SELECT helpful FROM answers WHERE id = ?`, id).Scan(&helpful); err != nil || helpful != 1 {
		t.Errorf("helpful %d (%v), want 1", helpful, err)
	}
	_, body, _ := fetch(t, srv.URL+resp.Header.Get("Location"))
	if !strings.Contains(body, `value="1" class="fb" aria-pressed="true"`) || !strings.Contains(body, "Cảm ơn bạn đã góp ý") {
		t.Error("after feedback the page does not show it taken")
	}
	if status, body, _ := fetch(t, srv.URL+"/x/demo?a=0123"); status != 200 || !strings.Contains(body, "không còn được lưu") {
		t.Errorf("unknown answer on the chat page: status %d, no word that it is gone", status)
	}
	if status, _, _ := fetch(t, srv.URL+"/x/thuan-my-tay-ninh?a="+id); status != 200 {
		t.Errorf("another commune's page with this answer: status %d", status)
	} else if _, body, _ := fetch(t, srv.URL+"/x/thuan-my-tay-ninh?a="+id); strings.Contains(body, id) {
		t.Error("an answer of one commune shown on another's page")
	}
}

func TestChatPageWeight(t *testing.T) {
	s, _ := mustServer(t, nil)
	for _, slug := range []string{"demo", "thuan-my-tay-ninh"} {
		if n := get(t, s, "/x/"+slug).Body.Len(); n > 8<<10 {
			t.Errorf("/x/%s: %d bytes of HTML, budget 8 KB on a slow phone", slug, n)
		}
	}
}

func TestFormFeedbackIsNotAQuestion(t *testing.T) {
	s, kb := mustServer(t, func(cfg *Config) { withChatBot(t)(cfg); cfg.RateLimit = 1 })
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.PostForm(srv.URL+"/x/demo", url.Values{"q": {"chứng thực bản sao cần gì"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	id := strings.TrimPrefix(resp.Header.Get("Location"), "/x/demo?a=")
	// The one question of the minute is spent; the verdict on its answer
	// still counts.
	resp, err = noFollow.PostForm(srv.URL+"/x/demo", url.Values{"a": {id}, "helpful": {"0"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("feedback after the question: status %d, want 303", resp.StatusCode)
	}
	var helpful int
	if err := recordsOf(t, kb).DB().QueryRow(`SELECT helpful FROM answers WHERE id = ?`, id).Scan(&helpful); err != nil || helpful != 0 {
		t.Errorf("helpful %d (%v), want 0", helpful, err)
	}
}
