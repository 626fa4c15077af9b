package web

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/records"
)

func TestPosterAdmin(t *testing.T) {
	f := mustContentFixture(t)
	o := f.officer
	o.get("/admin/posters")
	r := o.post("/admin/posters/demo", url.Values{"name": {"Bảng tin UBND"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: %d\n%s", r.status, r.body)
	}
	ps, err := recordsOf(t, f.kb).Posters(context.Background(), "demo")
	if err != nil || len(ps) != 1 {
		t.Fatalf("posters %v, %v", ps, err)
	}
	id := ps[0].ID
	// Residents scan it twice.
	for range 2 {
		if rec := get(t, f.srv, "/x/demo?p="+id); rec.Code != http.StatusOK {
			t.Fatal(rec.Code)
		}
	}
	r = o.get("/admin/posters/demo")
	for _, want := range []string{"Bảng tin UBND", `href="/poster/demo?p=` + id + `"`,
		`<svg class="chart"`, "<title", `<td class="num">2</td>`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("posters page lacks %q", want)
		}
	}
	if !regexp.MustCompile(`href="/qr/demo\.png\?[^"]*p=` + id + `[&"]`).MatchString(r.body) {
		t.Errorf("posters page lacks a link to the poster's QR image")
	}
	if strings.Contains(r.body, "không mở được") {
		t.Errorf("a warning about the base URL http://hoidap.test, which phones can open")
	}
	if strings.Contains(r.body, "style=") {
		t.Errorf("a style attribute: the CSP refuses it")
	}
	if rec := get(t, f.srv, "/poster/demo?p="+id); !strings.Contains(rec.Body.String(), "Bảng tin UBND") {
		t.Errorf("the printed poster does not name its place")
	}
	if rec := get(t, f.srv, "/qr/demo.png?p="+id); rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "image/png" {
		t.Errorf("QR: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	o.get("/admin/posters/demo")
	if r := o.post("/admin/posters/demo/"+id+"/rename", url.Values{"name": {"Nhà văn hóa thôn 3"}}); r.status != http.StatusSeeOther {
		t.Errorf("rename: %d", r.status)
	}
	if r := o.get("/admin/posters/demo"); !strings.Contains(r.body, "Nhà văn hóa thôn 3") {
		t.Errorf("renamed poster not shown")
	}
	if r := o.post("/admin/posters/demo/"+id+"/rename", url.Values{"name": {"  "}}); r.status != http.StatusBadRequest {
		t.Errorf("empty name: %d, want 400", r.status)
	}
	o.get("/admin/posters/demo")
	if r := o.post("/admin/posters/demo/"+id+"/delete", nil); r.status != http.StatusSeeOther {
		t.Errorf("delete: %d", r.status)
	}
	// Its scans stay counted, under its id.
	if r := o.get("/admin/posters/demo"); !strings.Contains(r.body, "mã "+id) {
		t.Errorf("scans of a deleted poster vanished")
	}
}

// With a base URL that phones cannot open, the posters page says so
// before anyone prints.
func TestPosterAdminWarnsOfLocalBaseURL(t *testing.T) {
	for _, base := range []string{"http://localhost:8080", "http://192.168.1.10:8080"} {
		srv, _, _ := mustAdminServer(t, "", func(cfg *Config) { cfg.BaseURL = base })
		a := newBrowserless(t, srv)
		a.login("admin", adminPW, "/admin/documents")
		for _, path := range []string{"/admin/posters", "/admin/posters/demo"} {
			if r := a.get(path); !strings.Contains(r.body, "Mã QR đang trỏ tới "+base) || !strings.Contains(r.body, "không mở được") {
				t.Errorf("%s with base URL %s: no warning\n%s", path, base, r.body)
			}
		}
	}
}

func TestDashboard(t *testing.T) {
	f := mustContentFixture(t)
	ctx := context.Background()
	now := time.Now()
	for i, r := range []records.AnswerRecord{
		{Question: "Nuôi chó có phải đăng ký không?", Grounded: false},
		{Question: "nuoi cho co phai dang ky khong", Grounded: false},
		{Question: "Đăng ký kết hôn cần gì", Grounded: true, Sources: []string{"dvc-1.000894"}},
		{Question: "=HYPERLINK(\"http://x\")", Grounded: false},
	} {
		r.ID, r.Commune, r.Mode, r.Created = "d"+string(rune('a'+i)), "demo", "extractive", now.Add(-time.Duration(i)*time.Hour)
		if err := recordsOf(t, f.kb).RecordAnswer(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	r := f.officer.get("/admin/dashboard")
	if r.status != http.StatusOK {
		t.Fatalf("officer's dashboard: %d", r.status)
	}
	for _, want := range []string{"Lưu trữ hội thoại: 180 ngày", `<svg class="chart"`, `<title id="questions-t">`, "câu hỏi</text>",
		"Thủ tục đăng ký kết hôn", "Nuôi chó có phải đăng ký không?", `<td class="num">2</td>`,
		`href="/admin/approved/new?commune=demo&amp;q=Nu%C3%B4i`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	if strings.Contains(r.body, "Câu hỏi cư dân B bí mật") || strings.Contains(r.body, "style=") {
		t.Errorf("dashboard shows another commune's question or a style attribute")
	}
	if n := strings.Count(r.body, "Nuôi chó"); n != 1 {
		t.Errorf("a repeated question shows %d times, want one line", n)
	}
	r = f.admin.get("/admin/dashboard")
	if !strings.Contains(r.body, "Câu hỏi cư dân B bí mật") || !strings.Contains(r.body, "Toàn tỉnh") {
		t.Errorf("province dashboard lacks the communes' questions")
	}

	t.Run("retention setting", func(t *testing.T) {
		srv, _, kb := mustAdminServer(t, "", func(c *Config) { c.RetentionDays = 90 })
		mustOfficer(t, kb, "cb", "demo")
		b := newBrowserless(t, srv)
		b.login("cb", officerPW, "/admin/documents")
		if r := b.get("/admin/dashboard"); !strings.Contains(r.body, "Lưu trữ hội thoại: 90 ngày") {
			t.Errorf("retention not shown")
		}
	})

	t.Run("export", func(t *testing.T) {
		// The records go back some hours: from yesterday, so that a run
		// just after midnight in Vietnam still covers them.
		from := now.Add(-24 * time.Hour).In(vietnam).Format(time.DateOnly)
		to := now.In(vietnam).Format(time.DateOnly)
		r := f.officer.get("/admin/export.csv?from=" + from + "&to=" + to)
		if r.status != http.StatusOK || !strings.HasPrefix(r.body, "\ufeff") || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") {
			t.Fatalf("export: %d %q", r.status, r.header.Get("Content-Type"))
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(rows[0], ",") != "time,commune,poster,question,mode,grounded,helpful,sources" {
			t.Errorf("header %v", rows[0])
		}
		var questions []string
		for _, row := range rows[1:] {
			questions = append(questions, row[3])
			if row[1] != "demo" {
				t.Errorf("a row of commune %s", row[1])
			}
		}
		got := strings.Join(questions, "|")
		if !strings.Contains(got, "Nuôi chó có phải đăng ký không?") || !strings.Contains(got, `'=HYPERLINK`) {
			t.Errorf("questions %q: want Vietnamese intact and formulas defused", got)
		}
		if r := f.officer.get("/admin/export.csv?from=27-11-2026"); r.status != http.StatusBadRequest {
			t.Errorf("bad date: %d, want 400", r.status)
		}
	})
}

func TestApprovedAdmin(t *testing.T) {
	f := mustContentFixture(t)
	o := f.officer
	r := o.get("/admin/approved/new?q=" + url.QueryEscape("Nuôi chó có phải đăng ký không?"))
	if r.status != http.StatusOK || !strings.Contains(r.body, `value="Nuôi chó có phải đăng ký không?"`) {
		t.Fatalf("form not pre-filled: %d", r.status)
	}
	r = o.post("/admin/approved/new", url.Values{"commune": {""}, "question": {"Nuôi chó có phải đăng ký không?"},
		"answer": {"Có. Đăng ký tại công an xã trong 30 ngày."}, "notes": {"Quyết định 12 của xã"}})
	if r.status != http.StatusSeeOther || !strings.Contains(r.location, "commune=demo") {
		t.Fatalf("save: %d → %s\n%s", r.status, r.location, r.body)
	}
	list := o.get(r.location)
	if !strings.Contains(list.body, "Có. Đăng ký tại công an xã") || !strings.Contains(list.body, "Câu trả lời toàn tỉnh.") ||
		strings.Contains(list.body, "Câu trả lời bí mật của xã B") {
		t.Errorf("officer's list: own and province-wide answers, never another commune's")
	}
	edit := regexp.MustCompile(`href="/admin/approved/(\d+)">Sửa`).FindStringSubmatch(list.body)
	if edit == nil {
		t.Fatal("no edit link")
	}
	o.get("/admin/approved/" + edit[1])
	if r := o.post("/admin/approved/"+edit[1], url.Values{"question": {"Nuôi chó có phải đăng ký không?"}, "answer": {""}}); r.status != http.StatusBadRequest {
		t.Errorf("empty answer: %d, want 400", r.status)
	}
	if r := o.post("/admin/approved/"+edit[1], url.Values{"question": {"Nuôi chó có phải đăng ký không?"}, "answer": {"Có, trong 15 ngày."}}); r.status != http.StatusSeeOther {
		t.Errorf("edit: %d", r.status)
	}
	if r := o.get("/admin/approved"); !strings.Contains(r.body, "Có, trong 15 ngày.") {
		t.Errorf("edit not shown")
	}
	o.get("/admin/approved/" + edit[1])
	if r := o.post("/admin/approved/"+edit[1]+"/delete", nil); r.status != http.StatusSeeOther {
		t.Errorf("delete: %d", r.status)
	}
	if r := o.get("/admin/approved/" + edit[1]); r.status != http.StatusNotFound {
		t.Errorf("deleted answer: %d, want 404", r.status)
	}
	// A province administrator writes province-wide answers.
	f.admin.get("/admin/approved/new")
	r = f.admin.post("/admin/approved/new", url.Values{"commune": {""}, "question": {"Giờ làm việc?"}, "answer": {"7:30–17:00"}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/admin/approved?ok="+url.QueryEscape("Đã lưu câu trả lời. Từ giờ câu hỏi này và những câu hỏi gần giống được trả lời bằng nội dung này.")+"&okm=") {
		t.Errorf("province-wide: %d → %s", r.status, r.location)
	}
}

func TestDashboardChart(t *testing.T) {
	end := time.Date(2026, 11, 27, 9, 0, 0, 0, vietnam)
	pts := daySeries(map[string]int{"2026-11-27": 7, "2026-11-20": 3}, end, 30)
	if len(pts) != 30 || pts[29].Value != 7 || pts[22].Value != 3 || pts[0].Day.Format(time.DateOnly) != "2026-10-29" {
		t.Fatalf("series %v", pts)
	}
	svg := string(chart{ID: "c", Title: "Câu hỏi <mỗi> ngày", Unit: "câu hỏi", Points: pts}.SVG())
	for _, want := range []string{`role="img"`, `<title id="c-t">Câu hỏi &lt;mỗi&gt; ngày</title>`, "<desc", "10 câu hỏi trong 30 ngày",
		"27/11: 7 câu hỏi", ">27/11<", ">20/11<", ">30/10<", ">10<", ">5<"} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %q", want)
		}
	}
	if strings.Count(svg, "<rect") != 30 || strings.Contains(svg, "style=") {
		t.Errorf("%d bars (want 30), or a style attribute", strings.Count(svg, "<rect"))
	}
	for _, tt := range []struct{ in, want int }{{0, 0}, {1, 1}, {3, 5}, {7, 10}, {11, 20}, {180, 200}} {
		if got := niceMax(tt.in); got != tt.want {
			t.Errorf("niceMax(%d) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
