package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
)

// communeB is the other commune of the access tests: officers of demo
// must never see or change it.
const communeB = "thuan-my-tay-ninh"

// contentFixture is a server with an officer of demo and data of
// communeB that must stay hidden from them.
type contentFixture struct {
	srv        *Server
	kb         *knowledge.Base
	admin      *browserless
	officer    *browserless
	posterB    records.Poster
	approvedB  records.ApprovedAnswer
	approvedP  records.ApprovedAnswer // province-wide
	docB       string
	secretsOfB []string
}

func mustContentFixture(t *testing.T) *contentFixture {
	t.Helper()
	srv, s, kb := mustAdminServer(t, "", nil)
	mustOfficer(t, kb, "canbo", "demo")
	f := &contentFixture{srv: s, kb: kb, admin: newBrowserless(t, srv), officer: newBrowserless(t, srv)}
	f.admin.login("admin", adminPW, "/admin/documents")
	f.officer.login("canbo", officerPW, "/admin/documents")
	ctx := context.Background()
	st := recordsOf(t, kb)
	r := f.admin.post("/admin/communes/"+communeB, url.Values{"name": {"Xã Thuận Mỹ"}, "province": {"Tây Ninh"},
		"address": {"Ấp Bí Mật Bê, xã Thuận Mỹ"}, "hours": {"7:00–17:00"}, "hotline": {"0272 999 999"}, "former": {"Xã Thanh Phú Long"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save commune B: %d\n%s", r.status, r.body)
	}
	var err error
	if f.posterB, err = st.CreatePoster(ctx, communeB, "Áp phích bí mật B", "admin"); err != nil {
		t.Fatal(err)
	}
	if f.approvedB, err = st.SaveApproved(ctx, records.ApprovedAnswer{Commune: communeB, Question: "Câu hỏi riêng của xã B?",
		Answer: "Câu trả lời bí mật của xã B.", CreatedBy: "admin"}); err != nil {
		t.Fatal(err)
	}
	if f.approvedP, err = st.SaveApproved(ctx, records.ApprovedAnswer{Question: "Câu hỏi toàn tỉnh?",
		Answer: "Câu trả lời toàn tỉnh.", CreatedBy: "admin"}); err != nil {
		t.Fatal(err)
	}
	f.docB = "thong-bao-xa-b"
	if err := kb.Ingest(ctx, knowledge.Document{ID: f.docB, Kind: knowledge.KindArticle, Title: "Thông báo bí mật của xã B",
		Commune: communeB, Body: "## Lịch\nLịch tiếp dân bí mật của xã B."}); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordAnswer(ctx, records.AnswerRecord{ID: "b1", Commune: communeB, Question: "Câu hỏi cư dân B bí mật",
		Mode: "extractive", Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateTicket(ctx, records.Ticket{Commune: communeB, Question: "Câu hỏi gửi xã B bí mật", Name: "Người hỏi bí mật B",
		Phone: "0909 111 222"}); err != nil {
		t.Fatal(err)
	}
	f.secretsOfB = []string{"Ấp Bí Mật Bê", "Áp phích bí mật B", f.posterB.ID, "Câu trả lời bí mật của xã B", "Thông báo bí mật của xã B",
		"Câu hỏi cư dân B bí mật", "Câu hỏi gửi xã B bí mật", "Người hỏi bí mật B", "0909 111 222"}
	return f
}

// snapshotB reads what the store holds of communeB.
func (f *contentFixture) snapshotB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	st := recordsOf(t, f.kb)
	d, _, err := st.CommuneDetails(ctx, communeB)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := st.Posters(ctx, communeB)
	if err != nil {
		t.Fatal(err)
	}
	as, err := st.ApprovedAnswers(ctx, communeB)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := f.kb.Document(ctx, f.docB)
	if err != nil {
		t.Fatalf("document of B: %v", err)
	}
	var b strings.Builder
	b.WriteString(d.Name + d.Address + d.Hours + strings.Join(d.Former, ",") + doc.Title)
	for _, p := range ps {
		b.WriteString("|" + p.ID + p.Name)
	}
	for _, a := range as {
		b.WriteString("|" + a.Question + a.Answer)
	}
	ts, err := st.Tickets(ctx, communeB)
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range ts {
		b.WriteString("|" + tk.Question + tk.Status + tk.Reply + strconv.FormatInt(tk.ApprovedID, 10))
	}
	return b.String()
}

func TestAdminContentCommuneEdit(t *testing.T) {
	f := mustContentFixture(t)
	// The form pre-fills former names from the reform's data.
	r := f.officer.get("/admin/communes/demo")
	if r.status != http.StatusOK {
		t.Fatalf("own commune: %d", r.status)
	}
	r = f.admin.get("/admin/communes/binh-lu-lai-chau")
	for _, want := range []string{"Xã Sơn Bình", "Thị trấn Tam Đường", "Đã điền sẵn theo danh mục"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("former names not pre-filled: no %q", want)
		}
	}
	// B's saved details show to residents: chat page, poster, search by a
	// typed former name.
	for _, path := range []string{"/x/" + communeB, "/poster/" + communeB} {
		if r := get(t, f.srv, path); !strings.Contains(r.Body.String(), "Ấp Bí Mật Bê") {
			t.Errorf("%s does not show the saved address", path)
		}
	}
	r = f.admin.post("/admin/communes/"+communeB, url.Values{"name": {"Xã Thuận Mỹ"}, "province": {"Tây Ninh"},
		"former": {"Xã Thanh Phú Long\r\nẤp Chợ Cũ Kỳ Lạ"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d", r.status)
	}
	rec := get(t, f.srv, "/api/v1/communes?q="+url.QueryEscape("ap cho cu ky la"))
	if !strings.Contains(rec.Body.String(), `"slug":"`+communeB+`"`) {
		t.Errorf("a typed former name does not find the commune: %s", rec.Body.String())
	}
	rec = get(t, f.srv, "/?q="+url.QueryEscape("Chợ Cũ Kỳ"))
	if !strings.Contains(rec.Body.String(), "/x/"+communeB) {
		t.Errorf("landing search does not find it by the typed name")
	}

	t.Run("create", func(t *testing.T) {
		r := f.admin.get("/admin/communes/new")
		if r.status != http.StatusOK {
			t.Fatalf("new form: %d", r.status)
		}
		for _, bad := range []struct{ slug, want string }{
			{"demo", "đã thuộc"}, {communeB, "đã thuộc"}, {"Xa Moi", "chữ thường"}, {"", "chữ thường"},
		} {
			r := f.admin.post("/admin/communes/new", url.Values{"slug": {bad.slug}, "name": {"Xã Mới"}})
			if r.status != http.StatusBadRequest || !strings.Contains(r.body, bad.want) {
				t.Errorf("slug %q: %d, want 400 with %q", bad.slug, r.status, bad.want)
			}
		}
		r = f.admin.post("/admin/communes/new", url.Values{"slug": {"dac-khu-thu-nghiem"}, "name": {"Đặc khu Thử Nghiệm Xa"},
			"province": {"Tỉnh Mẫu"}, "hours": {"8:00–16:00"}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("create: %d\n%s", r.status, r.body)
		}
		if rec := get(t, f.srv, "/x/dac-khu-thu-nghiem"); rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "8:00–16:00") {
			t.Errorf("chat page of a new commune: %d", rec.Code)
		}
		if rec := get(t, f.srv, "/api/v1/communes?q=thu+nghiem+xa"); !strings.Contains(rec.Body.String(), "dac-khu-thu-nghiem") {
			t.Errorf("new commune not found by name: %s", rec.Body.String())
		}
		if r := f.officer.post("/admin/communes/new", url.Values{"slug": {"cua-can-bo"}, "name": {"x"}}); r.status != http.StatusForbidden {
			t.Errorf("officer creates a commune: %d, want 403", r.status)
		}
	})
}

func TestAdminContentOfficerScope(t *testing.T) {
	f := mustContentFixture(t)
	before := f.snapshotB(t)
	o := f.officer
	o.get("/admin/communes/demo") // a CSRF token of the officer's own
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	tests := []struct {
		method, path string
		form         url.Values
	}{
		{"GET", "/admin/communes/" + communeB, nil},
		{"POST", "/admin/communes/" + communeB, url.Values{"name": {"Chiếm"}}},
		{"GET", "/admin/posters/" + communeB, nil},
		{"POST", "/admin/posters/" + communeB, url.Values{"name": {"chiếm"}}},
		{"POST", "/admin/posters/" + communeB + "/" + f.posterB.ID + "/rename", url.Values{"name": {"chiếm"}}},
		{"POST", "/admin/posters/" + communeB + "/" + f.posterB.ID + "/delete", nil},
		{"GET", "/admin/dashboard?commune=" + communeB, nil},
		{"GET", "/admin/export.csv?commune=" + communeB, nil},
		{"GET", "/admin/approved?commune=" + communeB, nil},
		{"GET", "/admin/approved/new?commune=" + communeB, nil},
		{"POST", "/admin/approved/new", url.Values{"commune": {communeB}, "question": {"q"}, "answer": {"a"}}},
		{"GET", "/admin/approved/" + id(f.approvedB.ID), nil},
		{"POST", "/admin/approved/" + id(f.approvedB.ID), url.Values{"question": {"q"}, "answer": {"a"}}},
		{"POST", "/admin/approved/" + id(f.approvedB.ID) + "/delete", nil},
		{"POST", "/admin/approved/" + id(f.approvedP.ID), url.Values{"question": {"q"}, "answer": {"a"}}},
		{"POST", "/admin/approved/" + id(f.approvedP.ID) + "/delete", nil},
		{"GET", "/admin/communes/new", nil},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			var r reply
			if tt.method == "GET" {
				r = o.get(tt.path)
			} else {
				r = o.post(tt.path, tt.form)
			}
			if r.status != http.StatusForbidden {
				t.Errorf("status %d, want 403", r.status)
			}
			for _, s := range f.secretsOfB {
				if strings.Contains(r.body, s) {
					t.Errorf("shows %q of another commune", s)
				}
			}
		})
	}
	if after := f.snapshotB(t); after != before {
		t.Errorf("commune B changed:\n%s\n%s", before, after)
	}
	// The same requests by a province administrator pass.
	for _, path := range []string{"/admin/communes/" + communeB, "/admin/posters/" + communeB, "/admin/dashboard?commune=" + communeB,
		"/admin/export.csv?commune=" + communeB, "/admin/approved?commune=" + communeB, "/admin/approved/" + id(f.approvedB.ID)} {
		if r := f.admin.get(path); r.status != http.StatusOK {
			t.Errorf("admin GET %s: %d, want 200", path, r.status)
		}
	}
	t.Run("no CSRF token", func(t *testing.T) {
		r := f.admin.post("/admin/posters/demo", url.Values{"name": {"x"}, "csrf": {""}})
		if r.status != http.StatusForbidden {
			t.Errorf("form without its token: %d, want 403", r.status)
		}
		r = f.admin.post("/admin/approved/new", url.Values{"question": {"q"}, "answer": {"a"}, "csrf": {"forged"}})
		if r.status != http.StatusForbidden {
			t.Errorf("form with a forged token: %d, want 403", r.status)
		}
	})
}
