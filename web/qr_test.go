package web

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
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
