package web

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestAdminLoginAndCookie(t *testing.T) {
	for _, tc := range []struct {
		name, baseURL string
		secure        bool
	}{{"http", "http://hoidap.test", false}, {"https", "https://hoidap.example", true}} {
		t.Run(tc.name, func(t *testing.T) {
			srv, _, _ := mustAdminServer(t, "", func(c *Config) { c.BaseURL = tc.baseURL })
			b := newBrowserless(t, srv)
			if r := b.get("/admin/documents"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/admin/login?next=") {
				t.Fatalf("logged out: %d → %q, want the login page", r.status, r.location)
			}
			b.get("/admin/login")
			r := b.post("/admin/login", url.Values{"name": {"admin"}, "password": {adminPW}, "next": {"/admin/users"}})
			if r.status != http.StatusSeeOther || r.location != "/admin/users" {
				t.Fatalf("login: %d → %q", r.status, r.location)
			}
			var ck *http.Cookie
			for _, c := range (&http.Response{Header: r.header}).Cookies() {
				if c.Name == sessionCookie {
					ck = c
				}
			}
			if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Secure != tc.secure || ck.Path != "/admin" || ck.MaxAge <= 0 {
				t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Strict, Secure=%v, Path=/admin, an expiry", ck, tc.secure)
			}
			if r := b.get("/admin/documents"); r.status != http.StatusOK || !strings.Contains(r.body, "Tải lên tài liệu") {
				t.Errorf("documents after login: %d", r.status)
			}
		})
	}
}

func TestAdminLoginWrongAndThrottled(t *testing.T) {
	srv, s, kb := mustAdminServer(t, "", nil)
	now := time.Now()
	clock := func() time.Time { return now }
	recordsOf(t, kb).Now, s.admin.now = clock, clock
	b := newBrowserless(t, srv)
	b.get("/admin/login")
	for i := 1; i <= 5; i++ {
		r := b.post("/admin/login", url.Values{"name": {"admin"}, "password": {"sai-mat-khau-" + itoa(i)}})
		if !strings.Contains(r.body, "Sai tên đăng nhập hoặc mật khẩu") {
			t.Fatalf("failure %d: no message: %d", i, r.status)
		}
		want := http.StatusUnauthorized
		if i == 5 {
			want = http.StatusTooManyRequests
		}
		if r.status != want {
			t.Errorf("failure %d: status %d, want %d", i, r.status, want)
		}
	}
	// Locked: even the right password is refused, with when to retry.
	r := b.post("/admin/login", url.Values{"name": {"admin"}, "password": {adminPW}})
	if r.status != http.StatusTooManyRequests || !strings.Contains(r.body, "thử lại sau "+now.Add(time.Minute).In(vietnam).Format("15:04")) {
		t.Fatalf("locked login: %d\n%s", r.status, r.body)
	}
	// Another name from the same address is locked too.
	if r := b.post("/admin/login", url.Values{"name": {"khac"}, "password": {adminPW}}); r.status != http.StatusTooManyRequests {
		t.Errorf("other name, same client: %d, want 429", r.status)
	}
	now = now.Add(61 * time.Second)
	// One more failure locks for longer: 5 minutes.
	r = b.post("/admin/login", url.Values{"name": {"admin"}, "password": {"van-sai-mat-khau"}})
	if !strings.Contains(r.body, "khoảng 5 phút") {
		t.Errorf("6th failure: want a 5-minute lock\n%s", r.body)
	}
	now = now.Add(5*time.Minute + time.Second)
	r = b.post("/admin/login", url.Values{"name": {"admin"}, "password": {adminPW}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("after the lock: %d", r.status)
	}
	if until, _ := recordsOf(t, kb).LoginLocked(context.Background(), "user:admin"); !until.IsZero() {
		t.Errorf("success did not reset the failures")
	}
}

func TestAdminLogout(t *testing.T) {
	srv, _, _ := mustAdminServer(t, "", nil)
	b := newBrowserless(t, srv)
	b.login("admin", adminPW, "/admin/documents")
	u, _ := url.Parse(srv.URL + "/admin/")
	old := b.c.Jar.Cookies(u)
	r := b.post("/admin/logout", nil)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/admin/login") {
		t.Fatalf("logout: %d → %q", r.status, r.location)
	}
	if r := b.get("/admin/documents"); r.status != http.StatusSeeOther {
		t.Errorf("after logout: %d, want a redirect to login", r.status)
	}
	// The old cookie is dead on the server too, not only in the browser.
	b.c.Jar.SetCookies(u, old)
	if r := b.get("/admin/documents"); r.status != http.StatusSeeOther {
		t.Errorf("replayed session cookie: %d, want a redirect to login", r.status)
	}
}

func TestAdminOneTimePassword(t *testing.T) {
	var console bytes.Buffer
	srv, _, kb := mustAdminServer(t, "", func(c *Config) { c.AdminPassword, c.Console = "", &console })
	m := regexp.MustCompile(`one-time password\): (\S+)`).FindStringSubmatch(console.String())
	if m == nil {
		t.Fatalf("console: %q, want the one-time password", console.String())
	}
	// A restart before the first login prints a new one: a missed line is
	// not a dead end.
	console.Reset()
	if _, err := New(withRecords(t, Config{Knowledge: kb, Console: &console})); err != nil {
		t.Fatal(err)
	}
	m2 := regexp.MustCompile(`one-time password\): (\S+)`).FindStringSubmatch(console.String())
	if m2 == nil || m2[1] == m[1] {
		t.Fatalf("restart before the first login: console %q, want a new one-time password", console.String())
	}
	m = m2
	b := newBrowserless(t, srv)
	b.login("admin", m[1], "/admin/password")
	if r := b.get("/admin/documents"); r.status != http.StatusSeeOther || r.location != "/admin/password" {
		t.Errorf("before the change: %d → %q, want the password page", r.status, r.location)
	}
	b.get("/admin/password")
	for _, bad := range []url.Values{
		{"current": {m[1]}, "new": {"ngan"}, "repeat": {"ngan"}},
		{"current": {m[1]}, "new": {"mat-khau-moi-1"}, "repeat": {"mat-khau-moi-2"}},
		{"current": {"khong-dung-mat-khau"}, "new": {"mat-khau-moi-1"}, "repeat": {"mat-khau-moi-1"}},
	} {
		if r := b.post("/admin/password", bad); r.status != http.StatusBadRequest || !strings.Contains(r.body, `class="error"`) {
			t.Errorf("change %v: %d, want 400 with a message", bad, r.status)
		}
	}
	r := b.post("/admin/password", url.Values{"current": {m[1]}, "new": {"mat-khau-moi-1"}, "repeat": {"mat-khau-moi-1"}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/admin/documents") {
		t.Fatalf("change: %d → %q", r.status, r.location)
	}
	if r := b.get("/admin/documents"); r.status != http.StatusOK {
		t.Errorf("after the change: %d", r.status)
	}
	// A second start prints nothing: the administrator exists.
	console.Reset()
	if _, err := New(withRecords(t, Config{Knowledge: kb, Console: &console})); err != nil {
		t.Fatal(err)
	}
	if console.Len() != 0 {
		t.Errorf("second start wrote %q", console.String())
	}
}

func TestAdminCSRF(t *testing.T) {
	srv, _, _ := mustAdminServer(t, "", nil)
	b := newBrowserless(t, srv)
	b.get("/admin/login")
	for _, tc := range []struct {
		name, token string
	}{{"missing", ""}, {"wrong", "khong-phai-ma-csrf-khong-phai-ma-csrf"}} {
		t.Run("login "+tc.name, func(t *testing.T) {
			r := b.post("/admin/login", url.Values{"name": {"admin"}, "password": {adminPW}, "csrf": {tc.token}})
			if r.status != http.StatusForbidden || !strings.Contains(r.body, "mã bảo vệ (CSRF)") {
				t.Errorf("%d, want 403 with the CSRF message", r.status)
			}
		})
	}
	b.login("admin", adminPW, "/admin/documents")
	for _, path := range []string{"/admin/documents", "/admin/users", "/admin/tokens", "/admin/logout", "/admin/documents/starter-khai-sinh/delete"} {
		t.Run(path, func(t *testing.T) {
			r := b.post(path, url.Values{"csrf": {""}, "name": {"x"}})
			if r.status != http.StatusForbidden || !strings.Contains(r.body, "mã bảo vệ (CSRF)") {
				t.Errorf("%d, want 403 with the CSRF message", r.status)
			}
		})
	}
	if r := b.get("/admin/documents"); r.status != http.StatusOK {
		t.Errorf("still logged in after refused forms: %d", r.status)
	}
}

func TestAdminUsersAndTokens(t *testing.T) {
	srv, _, kb := mustAdminServer(t, "", nil)
	b := newBrowserless(t, srv)
	b.login("admin", adminPW, "/admin/documents")
	b.get("/admin/users")
	if r := b.post("/admin/users", url.Values{"name": {"xa-khac"}, "role": {"commune"}, "commune": {"khong-co-xa-nay"}}); r.status != http.StatusBadRequest {
		t.Errorf("unknown commune: %d", r.status)
	}
	r := b.post("/admin/users", url.Values{"name": {"can-bo-demo"}, "role": {"commune"}, "commune": {"demo"}})
	m := regexp.MustCompile(`<code class="big">([^<]+)</code>`).FindStringSubmatch(r.body)
	if r.status != http.StatusOK || m == nil {
		t.Fatalf("create officer: %d, no one-time password shown", r.status)
	}
	officer := newBrowserless(t, srv)
	officer.login("can-bo-demo", m[1], "/admin/password")
	officer.post("/admin/password", url.Values{"current": {m[1]}, "new": {officerPW}, "repeat": {officerPW}})
	officer.get("/admin/users")
	if r := officer.post("/admin/users", url.Values{"name": {"ke-gian"}, "role": {"province"}}); r.status != http.StatusForbidden {
		t.Errorf("officer creates a user: %d, want 403", r.status)
	}
	r = officer.post("/admin/tokens", url.Values{"name": {"đồng bộ xã"}})
	tok := regexp.MustCompile(`id="new-token">([^<]+)<`).FindStringSubmatch(r.body)
	if tok == nil {
		t.Fatalf("token not shown: %d", r.status)
	}
	if r := officer.get("/admin/users"); strings.Contains(r.body, tok[1]) {
		t.Errorf("token shown a second time")
	}
	if r := apiCall(t, srv, http.MethodGet, "/api/v1/admin/documents", tok[1], nil, ""); r.status != http.StatusOK {
		t.Errorf("API with the officer's token: %d", r.status)
	}
	// Deleting the officer revokes their token and ends their session.
	users, _ := recordsOf(t, kb).Users(context.Background())
	var id int64
	for _, u := range users {
		if u.Name == "can-bo-demo" {
			id = u.ID
		}
	}
	if r := b.get("/admin/users/" + itoa(int(id)) + "/delete"); r.status != http.StatusOK || !strings.Contains(r.body, "Xóa tài khoản <strong>can-bo-demo</strong>") {
		t.Errorf("confirmation page: %d", r.status)
	}
	if r := b.post("/admin/users/"+itoa(int(id))+"/delete", nil); r.status != http.StatusSeeOther {
		t.Fatalf("delete officer: %d", r.status)
	}
	if r := apiCall(t, srv, http.MethodGet, "/api/v1/admin/documents", tok[1], nil, ""); r.status != http.StatusUnauthorized {
		t.Errorf("token of a deleted user: %d, want 401", r.status)
	}
	if r := officer.get("/admin/documents"); r.status != http.StatusSeeOther {
		t.Errorf("session of a deleted user: %d, want a redirect to login", r.status)
	}
	if _, err := recordsOf(t, kb).User(context.Background(), id); err == nil {
		t.Errorf("user still stored")
	}
}

func TestAdminSafeNext(t *testing.T) {
	for _, tc := range []struct{ next, want string }{
		{"/admin/users", "/admin/users"},
		{"/admin/documents?commune=demo&ok=Gi%E1%BA%A3+m%E1%BA%A1o", "/admin/documents?commune=demo"},
		{"//evil.example/admin/x", ""},
		{"https://evil.example/admin/x", ""},
		{"/\\evil.example/admin/", ""},
		{"/x/demo", ""},
		{"", ""},
	} {
		if got := safeNext(tc.next); got != tc.want {
			t.Errorf("safeNext(%q) = %q, want %q", tc.next, got, tc.want)
		}
	}
}

func TestAdminFirstPasswordTooShort(t *testing.T) {
	_, err := New(withRecords(t, Config{Knowledge: mustStarter(t), AdminPassword: "ngan"}))
	if err == nil || !strings.Contains(err.Error(), "HOIDAP_ADMIN_PASSWORD") {
		t.Errorf("err = %v, want a refusal naming HOIDAP_ADMIN_PASSWORD", err)
	}
}
