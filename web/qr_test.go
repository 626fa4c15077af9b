package web

import (
	"bytes"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// zbar decodes a QR code image with zbarimg, a decoder independent of the
// encoder. It fails the test when zbarimg is missing: CI installs it.
func zbar(t *testing.T, img []byte) string {
	t.Helper()
	bin, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Fatal("zbarimg not found: install zbar-tools (apt-get install zbar-tools)")
	}
	f := filepath.Join(t.TempDir(), "qr.png")
	if err := os.WriteFile(f, img, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", f).Output()
	if err != nil {
		t.Fatalf("zbarimg: %v", err)
	}
	return strings.TrimSpace(string(out))
}

func TestQRDecodesToChatURL(t *testing.T) {
	s, _ := mustServer(t, nil)
	tests := []struct {
		target, want string
		px           int
	}{
		{"/qr/demo.png?p=cong-uy-ban", "http://hoidap.test/x/demo?p=cong-uy-ban", QRScreen},
		{"/qr/thuan-my-tay-ninh.png?p=A7&size=print", "http://hoidap.test/x/thuan-my-tay-ninh?p=A7", QRPrint},
		{"/qr/binh-lu-lai-chau.png?size=200", "http://hoidap.test/x/binh-lu-lai-chau", 200},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := get(t, s, tt.target)
			if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/png" {
				t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
			}
			img, err := png.Decode(bytes.NewReader(rec.Body.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if w := img.Bounds().Dx(); w != tt.px {
				t.Errorf("width %d, want %d", w, tt.px)
			}
			if got := zbar(t, rec.Body.Bytes()); got != tt.want {
				t.Errorf("decoded %q, want %q", got, tt.want)
			}
		})
	}
}

func TestQRRejects(t *testing.T) {
	s, _ := mustServer(t, nil)
	for target, status := range map[string]int{
		"/qr/khong-co.png":            404,
		"/qr/demo.jpg":                404,
		"/qr/demo.png?size=5000":      400,
		"/qr/demo.png?size=10":        400,
		"/qr/demo.png?p=%3Cscript%3E": 400,
	} {
		if rec := get(t, s, target); rec.Code != status {
			t.Errorf("%s: status %d, want %d", target, rec.Code, status)
		}
	}
}

func TestBaseURLProblem(t *testing.T) {
	for base, bad := range map[string]bool{
		"http://localhost:8080":            true,
		"http://app.localhost":             true,
		"http://127.0.0.1:8080":            true,
		"http://[::1]:8080":                true,
		"http://0.0.0.0:8080":              true,
		"http://192.168.1.20:8080":         true,
		"http://10.0.0.5":                  true,
		"http://172.16.3.4":                true,
		"http://100.72.1.1":                true, // carrier-grade NAT
		"http://[fd00::1]":                 true,
		"https://hoidap.tayninh.gov.vn":    false,
		"http://203.113.131.5:8080":        false,
		"https://hoidap.example.vn/xa/abc": false,
	} {
		if got := BaseURLProblem(base) != ""; got != bad {
			t.Errorf("BaseURLProblem(%q) = %q, want a problem: %v", base, BaseURLProblem(base), bad)
		}
	}
}

// A QR image's tag names the base URL it encodes, so a cache that kept
// the code of an earlier base URL asks again and gets the new one.
func TestQRNotCachedPastABaseURLChange(t *testing.T) {
	kb := mustStarter(t)
	serve := func(base string) *Server {
		s, err := New(withRecords(t, Config{Knowledge: kb, BaseURL: base}))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	before, after := serve("http://localhost:8080"), serve("https://hoidap.example.vn")
	old := get(t, before, "/qr/demo.png?p=A7")
	etag := old.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	if cc := old.Header().Get("Cache-Control"); !strings.Contains(cc, "max-age=3600") {
		t.Errorf("Cache-Control %q: want at most an hour", cc)
	}
	revalidate := func(s *Server) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "/qr/demo.png?p=A7", nil)
		req.Header.Set("If-None-Match", etag)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec
	}
	if rec := revalidate(before); rec.Code != http.StatusNotModified {
		t.Errorf("same base URL: status %d, want 304", rec.Code)
	}
	rec := revalidate(after)
	if rec.Code != http.StatusOK {
		t.Fatalf("new base URL: status %d, want 200 with the new code", rec.Code)
	}
	if got, want := zbar(t, rec.Body.Bytes()), "https://hoidap.example.vn/x/demo?p=A7"; got != want {
		t.Errorf("decoded %q, want %q", got, want)
	}
	// The pages link the image under a name that changes with the base URL.
	img := regexp.MustCompile(`src="(/qr/[^"]+)"`)
	a := img.FindStringSubmatch(get(t, before, "/poster/demo").Body.String())
	b := img.FindStringSubmatch(get(t, after, "/poster/demo").Body.String())
	if a == nil || b == nil || a[1] == b[1] {
		t.Errorf("poster image addresses %q and %q: want them to differ", a, b)
	}
}
