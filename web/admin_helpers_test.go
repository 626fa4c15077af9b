package web

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/internal/testcorpus"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
)

// Passwords of the test accounts.
const (
	adminPW   = "mat-khau-quan-tri"
	officerPW = "mat-khau-can-bo-xa"
)

// mustAdminServer serves the whole engine over the starter corpus with
// the first administrator "admin" (adminPW); the knowledge base is kept in
// dir, or in a temporary directory when dir is "".
func mustAdminServer(tb testing.TB, dir string, edit func(*Config)) (*httptest.Server, *Server, *knowledge.Base) {
	tb.Helper()
	kb := testcorpus.Open(tb, dir)
	cfg := withRecords(tb, Config{Knowledge: kb, BaseURL: "http://hoidap.test", AdminPassword: adminPW})
	if edit != nil {
		edit(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(s)
	tb.Cleanup(srv.Close)
	return srv, s, kb
}

// mustOfficer creates a commune officer with officerPW.
func mustOfficer(tb testing.TB, kb *knowledge.Base, name, commune string) records.User {
	tb.Helper()
	u, err := recordsOf(tb, kb).CreateUser(context.Background(), records.User{Name: name, Role: records.RoleCommune, Commune: commune}, officerPW)
	if err != nil {
		tb.Fatal(err)
	}
	return u
}

// browserless is an admin's HTTP client: it keeps cookies, does not follow
// redirects, and remembers the CSRF token of the last page it read.
type browserless struct {
	tb     testing.TB
	base   string
	c      *http.Client
	csrf   string
	header http.Header // sent with every request
}

// reply is a response read whole.
type reply struct {
	status   int
	body     string
	location string
	header   http.Header
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func newBrowserless(tb testing.TB, srv *httptest.Server) *browserless {
	tb.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		tb.Fatal(err)
	}
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &browserless{tb: tb, base: srv.URL, c: c}
}

func (b *browserless) do(req *http.Request) reply {
	b.tb.Helper()
	for k, v := range b.header {
		req.Header[k] = v
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		b.tb.Fatal(err)
	}
	if m := csrfInput.FindSubmatch(body); m != nil {
		b.csrf = string(m[1])
	}
	return reply{status: resp.StatusCode, body: string(body), location: resp.Header.Get("Location"), header: resp.Header}
}

func (b *browserless) get(path string) reply {
	b.tb.Helper()
	req, err := http.NewRequest(http.MethodGet, b.base+path, nil)
	if err != nil {
		b.tb.Fatal(err)
	}
	return b.do(req)
}

// post sends a form with the CSRF token of the last page read (unless the
// form sets "csrf" itself).
func (b *browserless) post(path string, form url.Values) reply {
	b.tb.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", b.csrf)
	}
	req, err := http.NewRequest(http.MethodPost, b.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		b.tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// multipartBody writes fields and the file as multipart/form-data.
func multipartBody(tb testing.TB, fields map[string]string, name string, data []byte) (*bytes.Buffer, string) {
	tb.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			tb.Fatal(err)
		}
	}
	if name != "" {
		fw, err := w.CreateFormFile("file", name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := fw.Write(data); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return &buf, w.FormDataContentType()
}

// upload posts a file as the upload form does, with the CSRF token.
func (b *browserless) upload(path, commune, name string, data []byte) reply {
	b.tb.Helper()
	body, ct := multipartBody(b.tb, map[string]string{"csrf": b.csrf, "commune": commune}, name, data)
	req, err := http.NewRequest(http.MethodPost, b.base+path, body)
	if err != nil {
		b.tb.Fatal(err)
	}
	req.Header.Set("Content-Type", ct)
	return b.do(req)
}

// login logs in through the form and fails the test unless it lands on
// want.
func (b *browserless) login(name, password, want string) {
	b.tb.Helper()
	b.get("/admin/login")
	r := b.post("/admin/login", url.Values{"name": {name}, "password": {password}})
	if r.status != http.StatusSeeOther || r.location != want {
		b.tb.Fatalf("login %s: %d → %q, want 303 → %q\n%s", name, r.status, r.location, want, r.body)
	}
	b.get(want) // for its CSRF token
}

// apiCall sends a request to the admin API with a bearer token.
func apiCall(tb testing.TB, srv *httptest.Server, method, path, token string, body io.Reader, contentType string) reply {
	tb.Helper()
	req, err := http.NewRequest(method, srv.URL+path, body)
	if err != nil {
		tb.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return (&browserless{tb: tb, c: srv.Client()}).do(req)
}
