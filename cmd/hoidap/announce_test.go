package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The start line names the address actually served (--addr :0 picks a
// port), and a base URL that phones cannot open is called out.
func TestStartLineNamesServedAddressAndWarnsOfLocalBaseURL(t *testing.T) {
	for _, tt := range []struct {
		base string
		warn bool
	}{{"", true}, {"https://hoidap.example.vn", false}} {
		t.Run(tt.base, func(t *testing.T) {
			s := mustServe(t, map[string]string{"HOIDAP_BASE_URL": tt.base})
			out := s.Stdout.String()
			if want := "demo commune: " + s.URL + "/x/demo\n"; !strings.Contains(out, want) {
				t.Errorf("start line lacks %q:\n%s", want, out)
			}
			resp, err := http.Get(s.URL + "/x/demo")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("the printed address answers %d", resp.StatusCode)
			}
			base := tt.base
			if base == "" {
				base = "http://localhost:8080"
			}
			if want := "QR codes and posters point to " + base; !strings.Contains(out, want) {
				t.Errorf("stdout lacks %q:\n%s", want, out)
			}
			if got := strings.Contains(out, "WARNING: residents' phones cannot open "+base); got != tt.warn {
				t.Errorf("warning on stdout: %v, want %v:\n%s", got, tt.warn, out)
			}
			if got := strings.Contains(s.Stderr.String(), "base URL not reachable from residents' phones"); got != tt.warn {
				t.Errorf("warning in the log: %v, want %v", got, tt.warn)
			}
		})
	}
}

func TestListenURL(t *testing.T) {
	for addr, want := range map[string]string{
		"[::]:8080":      "http://localhost:8080",
		"0.0.0.0:8080":   "http://localhost:8080",
		"127.0.0.1:4321": "http://127.0.0.1:4321",
		"[::1]:80":       "http://[::1]:80",
	} {
		a, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		announce(&out, newLogger(&bytes.Buffer{}, 0), a, "https://hoidap.example.vn")
		if !strings.Contains(out.String(), "demo commune: "+want+"/x/demo\n") {
			t.Errorf("%s: start line %q, want %s", addr, out.String(), want)
		}
	}
}

func TestQRCommandWarnsOfLocalBaseURL(t *testing.T) {
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Fatal("zbarimg not found: install zbar-tools")
	}
	for _, tt := range []struct {
		base string
		warn bool
	}{{"", true}, {"http://10.1.2.3:8080", true}, {"https://hoidap.example.vn", false}} {
		out := filepath.Join(t.TempDir(), "qr.png")
		getenv := func(k string) string {
			if k == "HOIDAP_BASE_URL" {
				return tt.base
			}
			return ""
		}
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), []string{"qr", "demo", "--out", out}, getenv, &stdout, &stderr); code != 0 {
			t.Fatalf("%q: exit %d: %s", tt.base, code, stderr.String())
		}
		base := tt.base
		if base == "" {
			base = "http://localhost:8080"
		}
		if got := strings.Contains(stderr.String(), "WARNING: residents' phones cannot open "+base); got != tt.warn {
			t.Errorf("%s: warning %v, want %v: %q", base, got, tt.warn, stderr.String())
		}
		got, err := exec.Command(zbar, "--quiet", "--raw", out).Output()
		if err != nil {
			t.Fatal(err)
		}
		if want := base + "/x/demo"; strings.TrimSpace(string(got)) != want {
			t.Errorf("decoded %q, want %q", got, want)
		}
	}
}
