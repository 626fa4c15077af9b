package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/internal/records"
)

// hoidap admin reset-password, run while the service runs, does what the
// web reset does: a one-time password that must be changed at the next
// login, the account's sessions ended and its API tokens revoked.
func TestAdminResetPasswordWhileServing(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	const old = "mat-khau-cu-rat-dai-2026"
	s := mustServe(t, map[string]string{"HOIDAP_DATA": data, "HOIDAP_ADMIN_PASSWORD": old})

	// A session in a browser and an API token, made with the old password.
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	web := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	login := func(password string) *http.Response {
		t.Helper()
		resp, err := web.Get(s.URL + "/admin/login")
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		body.ReadFrom(resp.Body)
		resp.Body.Close()
		m := csrf.FindStringSubmatch(body.String())
		if m == nil {
			t.Fatalf("no CSRF token on the login page")
		}
		resp, err = web.PostForm(s.URL+"/admin/login", url.Values{"csrf": {m[1]}, "name": {"admin"}, "password": {password}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if r := login(old); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/admin/documents" {
		t.Fatalf("login: %d → %q", r.StatusCode, r.Header.Get("Location"))
	}
	st, err := records.OpenFile(ctx, filepath.Join(data, "hoidap.db"))
	if err != nil {
		t.Fatal(err)
	}
	admin, err := st.UserByName(ctx, "admin")
	if err != nil {
		t.Fatal(err)
	}
	_, token, err := st.CreateToken(ctx, "script", admin)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	api := func() int {
		req, _ := http.NewRequest(http.MethodGet, s.URL+"/api/v1/admin/documents", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := api(); code != http.StatusOK {
		t.Fatalf("token before the reset: %d", code)
	}

	var stdout, stderr bytes.Buffer
	getenv := func(k string) string {
		if k == "HOIDAP_DATA" {
			return data
		}
		return ""
	}
	if code := run(ctx, []string{"admin", "reset-password", "admin"}, getenv, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	_, rest, ok := strings.Cut(stdout.String(), "(one-time password for admin): ")
	password, _, _ := strings.Cut(rest, "\n")
	if !ok || len(password) != 20 {
		t.Fatalf("no one-time password printed:\n%s", stdout.String())
	}

	if resp, err := web.Get(s.URL + "/admin/documents"); err != nil {
		t.Fatal(err)
	} else if resp.Body.Close(); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/admin/login") {
		t.Errorf("the old session still works: %d → %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if code := api(); code != http.StatusUnauthorized {
		t.Errorf("the old API token: %d, want 401", code)
	}
	if r := login(old); r.StatusCode == http.StatusSeeOther {
		t.Errorf("the old password still logs in")
	}
	if r := login(password); r.StatusCode != http.StatusSeeOther || r.Header.Get("Location") != "/admin/password" {
		t.Errorf("login with the one-time password: %d → %q, want the page that makes them change it", r.StatusCode, r.Header.Get("Location"))
	}

	for _, args := range [][]string{{"admin", "reset-password", "khong-co-ai"}, {"admin", "reset-password"}, {"admin"}} {
		stderr.Reset()
		if code := run(ctx, args, getenv, &stdout, &stderr); code != 2 {
			t.Errorf("%q: exit %d, want 2: %s", args, code, stderr.String())
		}
	}
	stderr.Reset()
	if code := run(ctx, []string{"admin", "reset-password", "admin", "--data", filepath.Join(data, "khong-co")}, getenv, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "no store at") {
		t.Errorf("a wrong --data: exit %d: %s", code, stderr.String())
	}
}
