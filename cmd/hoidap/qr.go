package main

import (
	"context"
	"fmt"
	"io"
	"os"

	qrcode "github.com/skip2/go-qrcode"

	"github.com/hoidap/hoidap/internal/places"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/web"
)

// cmdQR writes the PNG QR code of a commune's chat page:
// hoidap qr COMMUNE [--poster P] [--out FILE] [--size N] [--base-url URL].
func cmdQR(_ context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f := newFlagSet("qr", getenv, stderr)
	var poster, out, baseURL string
	var size int
	f.StringVar(&poster, "poster", "", "poster id, counted as a scan when the code is scanned (letters, digits, - and _)")
	f.StringVar(&out, "out", "", "PNG file to write; default COMMUNE[-POSTER].png")
	f.IntVar(&size, "size", web.QRPrint, "width of the image in pixels")
	f.str(&baseURL, "base-url", "HOIDAP_BASE_URL", "http://localhost:8080", "public URL of the service, what the code points to")
	pos, err := parseInterspersed(f, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: name one commune slug, e.g. hoidap qr thuan-my-tay-ninh", errUsage)
	}
	slug := pos[0]
	if size < 128 || size > 4000 {
		return fmt.Errorf("%w: --size %d: want 128 to 4000", errUsage, size)
	}
	if !web.ValidPoster(poster) {
		return fmt.Errorf("%w: --poster %q: letters, digits, - and _, 40 at most", errUsage, poster)
	}
	if err := knownCommune(slug); err != nil {
		return err
	}
	c := config{BaseURL: baseURL, Addr: ":0", Data: ".", LogLevel: "info", RetentionDays: 1}
	if err := c.validate(); err != nil {
		return err
	}
	png, err := web.QRCode(c.BaseURL, slug, poster, size)
	if err != nil {
		return err
	}
	if out == "" {
		out = slug + ".png"
		if poster != "" {
			out = slug + "-" + poster + ".png"
		}
	}
	if err := os.WriteFile(out, png, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(stdout, "%s → %s\n", out, web.ChatURL(c.BaseURL, slug, poster))
	if problem := web.BaseURLProblem(c.BaseURL); problem != "" {
		fmt.Fprintf(stderr, "WARNING: residents' phones cannot open %s: %s. Pass --base-url (or HOIDAP_BASE_URL) with the service's public address before printing this code.\n", c.BaseURL, problem)
	}
	return nil
}

// knownCommune checks that slug names the demo commune or a current one.
func knownCommune(slug string) error {
	demo, err := records.DemoCommune()
	if err != nil {
		return err
	}
	if slug == demo.Slug {
		return nil
	}
	dir, err := places.Load()
	if err != nil {
		return err
	}
	if _, ok := dir.Commune(slug); !ok {
		hint := ""
		if ms := dir.Find(slug, 1); len(ms) > 0 {
			hint = fmt.Sprintf(" (did you mean %s?)", ms[0].Commune.Slug)
		}
		return fmt.Errorf("%w: no commune %q%s", errUsage, slug, hint)
	}
	return nil
}

// terminalQR draws the QR code of url with half-block characters, for a
// developer to scan from the terminal.
func terminalQR(url string) (string, error) {
	q, err := qrcode.New(url, qrcode.Medium)
	if err != nil {
		return "", fmt.Errorf("qr code: %w", err)
	}
	return q.ToSmallString(false), nil
}
