package main

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestQRCommand(t *testing.T) {
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Fatal("zbarimg not found: install zbar-tools")
	}
	out := filepath.Join(t.TempDir(), "poster.png")
	getenv := func(k string) string {
		if k == "HOIDAP_BASE_URL" {
			return "https://hoidap.example.vn/"
		}
		return ""
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"qr", "thuan-my-tay-ninh", "--poster", "cong-ubnd", "--out", out}, getenv, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got, err := exec.Command(zbar, "--quiet", "--raw", out).Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := "https://hoidap.example.vn/x/thuan-my-tay-ninh?p=cong-ubnd"; strings.TrimSpace(string(got)) != want {
		t.Errorf("decoded %q, want %q", got, want)
	}

	for _, args := range [][]string{{"qr"}, {"qr", "khong-co-xa-nay"}, {"qr", "demo", "--poster", "a b"}} {
		stderr.Reset()
		if code := run(context.Background(), args, getenv, &stdout, &stderr); code != 2 {
			t.Errorf("%q: exit %d, want 2 (usage)", args, code)
		}
	}
}
