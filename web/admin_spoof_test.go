package web

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

// A success message comes only from this service, for this session: a
// link carrying ?ok= of someone else's making shows nothing, while the
// message after a real upload shows.
func TestFlashCannotBeSpoofed(t *testing.T) {
	srv, _, kb := mustAdminServer(t, "", nil)
	mustOfficer(t, kb, "cb", "demo")
	b := newBrowserless(t, srv)
	b.login("cb", officerPW, "/admin/documents")
	const lure = "Hệ thống yêu cầu chuyển phí vào tài khoản 0123456789"
	for _, path := range []string{"/admin/documents?ok=" + url.QueryEscape(lure), "/admin/documents?ok=" + url.QueryEscape(lure) + "&okm=AAAA"} {
		if r := b.get(path); strings.Contains(r.body, "chuyển phí vào tài khoản") {
			t.Errorf("%s shows a message the service did not write", path)
		}
	}
	r := b.upload("/admin/documents", "demo", "tb.md", []byte("# Thông báo họp dân\n\nHọp dân thôn 4 tối thứ năm.\n"))
	if r.status != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", r.status, r.body)
	}
	if r := b.get(r.location); !strings.Contains(r.body, "Đã tải lên") {
		t.Errorf("the upload's own message is not shown after its redirect")
	}
	// Another session cannot replay it.
	other := newBrowserless(t, srv)
	other.login("cb", officerPW, "/admin/documents")
	if r := other.get(r.location); strings.Contains(r.body, "Đã tải lên") {
		t.Errorf("a signed message shows in another session")
	}
}

// The Bearer scheme's name is case-insensitive (RFC 7235), for the admin
// API and for /metrics.
func TestBearerSchemeAnyCase(t *testing.T) {
	const token = "ma-truy-cap-quan-tri-thu-nghiem-0123456789"
	srv, _, _ := mustAdminServer(t, "", func(c *Config) { c.AdminToken = token; c.MetricsToken = token })
	for _, scheme := range []string{"Bearer", "bearer", "BEARER"} {
		if r := apiCall(t, srv, http.MethodGet, "/api/v1/admin/documents", "", nil, ""); r.status != http.StatusUnauthorized {
			t.Fatalf("no token: %d", r.status)
		}
		for _, path := range []string{"/api/v1/admin/documents", "/metrics"} {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
			req.Header.Set("Authorization", scheme+" "+token)
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s with %q: %d, want 200", path, scheme, resp.StatusCode)
			}
		}
	}
}

// An administrator's password reset for an officer ends what the officer
// could do: their sessions and their API tokens.
func TestPasswordResetRevokesTokens(t *testing.T) {
	ctx := context.Background()
	srv, _, kb := mustAdminServer(t, "", nil)
	u := mustOfficer(t, kb, "cb", "demo")
	_, secret, err := recordsOf(t, kb).CreateToken(ctx, "kịch bản", u)
	if err != nil {
		t.Fatal(err)
	}
	if r := apiCall(t, srv, http.MethodGet, "/api/v1/admin/documents", secret, nil, ""); r.status != http.StatusOK {
		t.Fatalf("token before the reset: %d", r.status)
	}
	admin := newBrowserless(t, srv)
	admin.login("admin", adminPW, "/admin/documents")
	admin.get("/admin/users")
	if r := admin.post(fmt.Sprintf("/admin/users/%d/password", u.ID), nil); r.status != http.StatusOK || !strings.Contains(r.body, "token API") {
		t.Fatalf("reset: %d", r.status)
	}
	if r := apiCall(t, srv, http.MethodGet, "/api/v1/admin/documents", secret, nil, ""); r.status != http.StatusUnauthorized {
		t.Errorf("token after the reset: %d, want 401", r.status)
	}
}

// Strangers who fail many passwords for an account cannot lock its owner
// out at the owner's usual address; guesses from new addresses still
// meet a lock; the password-change form is throttled like the login.
func TestLoginLockSparesTheOwner(t *testing.T) {
	srv, _, _ := mustAdminServer(t, "", func(c *Config) { c.TrustedProxies = []string{"127.0.0.1"} })
	from := func(addr string) *browserless {
		b := newBrowserless(t, srv)
		b.header = http.Header{"X-Forwarded-For": {addr}}
		b.get("/admin/login") // for its CSRF token
		return b
	}
	owner := from("10.0.0.1")
	owner.login("admin", adminPW, "/admin/documents")
	owner.post("/admin/logout", nil)

	for i, addr := range []string{"10.0.0.66", "10.0.0.67", "10.0.0.68"} {
		stranger := from(addr)
		for j := 0; j < 5; j++ {
			stranger.post("/admin/login", url.Values{"name": {"admin"}, "password": {fmt.Sprintf("doan-sai-%d-%d", i, j)}})
		}
	}
	if r := from("10.0.0.66").post("/admin/login", url.Values{"name": {"admin"}, "password": {adminPW}}); r.status != http.StatusTooManyRequests {
		t.Errorf("the stranger's address after 5 failures: %d, want 429", r.status)
	}
	if r := from("10.0.0.99").post("/admin/login", url.Values{"name": {"admin"}, "password": {adminPW}}); r.status != http.StatusTooManyRequests {
		t.Errorf("a new address after 15 failures elsewhere: %d, want 429", r.status)
	}
	// A name that spells the owner's key at the owner's address, tried
	// from anywhere, counts against itself only.
	for i := 0; i < 6; i++ {
		from(fmt.Sprintf("10.0.1.%d", i)).post("/admin/login", url.Values{"name": {"admin@10.0.0.1"}, "password": {"sai"}})
	}
	owner = from("10.0.0.1")
	owner.login("admin", adminPW, "/admin/documents")

	owner.get("/admin/password")
	status := 0
	for i := 0; i < 6; i++ {
		owner.get("/admin/password")
		r := owner.post("/admin/password", url.Values{"current": {fmt.Sprintf("khong-phai-%d", i)}, "new": {"mot cau mat khau moi dai"}, "repeat": {"mot cau mat khau moi dai"}})
		status = r.status
	}
	if status != http.StatusTooManyRequests {
		t.Errorf("6 wrong current passwords: %d, want 429", status)
	}
	owner.get("/admin/password")
	if r := owner.post("/admin/password", url.Values{"current": {adminPW}, "new": {"mot cau mat khau moi dai"}, "repeat": {"mot cau mat khau moi dai"}}); r.status != http.StatusTooManyRequests {
		t.Errorf("the right current password while locked: %d, want 429", r.status)
	}
}

// Limits count a client, not a spelling of its address: an IPv4 address
// however written, an IPv6 subscriber by its /64.
func TestClientKey(t *testing.T) {
	for addr, want := range map[string]string{
		"203.0.113.7":             "203.0.113.7",
		"::ffff:203.0.113.7":      "203.0.113.7",
		"2001:db8:1:2:aaaa::1":    "2001:db8:1:2::/64",
		"2001:db8:1:2:ffff:1:2:3": "2001:db8:1:2::/64",
		"2001:db8:1:3::1":         "2001:db8:1:3::/64",
	} {
		c, _ := gin.CreateTestContext(httptest.NewRecorder())
		c.Request = httptest.NewRequest(http.MethodGet, "/", nil)
		c.Request.RemoteAddr = net.JoinHostPort(addr, "1234")
		if got := clientKey(c); got != want {
			t.Errorf("clientKey(%s) = %s, want %s", addr, got, want)
		}
	}
}
