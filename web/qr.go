package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	qrcode "github.com/skip2/go-qrcode"
)

// QR code sizes in pixels: on screen, for an A4 poster, and the bounds of
// an explicit ?size=.
const (
	QRScreen  = 320
	QRPrint   = 1200
	qrMinSize = 128
	qrMaxSize = 2000
)

// posterID is what a poster id may look like: short, URL-safe, and never
// a resident's personal data.
var posterID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,40}$`)

// errPosterID refuses a poster id that ValidPoster does not accept.
var errPosterID = badRequest("Mã áp phích chỉ gồm chữ, số, - và _, tối đa 40 ký tự. (Poster id: letters, digits, - and _, 40 at most)")

// ValidPoster reports whether p is an acceptable poster id ("" is: no poster).
func ValidPoster(p string) bool { return p == "" || posterID.MatchString(p) }

// ChatURL is the address a QR code points to: the commune's chat page,
// with the poster id when there is one.
func ChatURL(baseURL, commune, poster string) string {
	u := strings.TrimRight(baseURL, "/") + "/x/" + url.PathEscape(commune)
	if poster != "" {
		u += "?p=" + url.QueryEscape(poster)
	}
	return u
}

// QRCode returns a PNG of size pixels encoding ChatURL, with error
// correction level High so that a worn or stained poster still scans.
func QRCode(baseURL, commune, poster string, size int) ([]byte, error) {
	if !ValidPoster(poster) {
		return nil, errPosterID
	}
	png, err := qrcode.Encode(ChatURL(baseURL, commune, poster), qrcode.High, size)
	if err != nil {
		return nil, fmt.Errorf("web: qr code for %s: %w", commune, err)
	}
	return png, nil
}

// qrSize reads ?size=: "screen", "print" or pixels within bounds.
func qrSize(v string) (int, error) {
	switch v {
	case "", "screen":
		return QRScreen, nil
	case "print":
		return QRPrint, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < qrMinSize || n > qrMaxSize {
		return 0, badRequest(fmt.Sprintf("size phải là screen, print hoặc từ %d đến %d. (size must be screen, print or %d to %d)", qrMinSize, qrMaxSize, qrMinSize, qrMaxSize))
	}
	return n, nil
}

// handleQR serves GET /qr/{commune}.png?p=&size=.
func (s *Server) handleQR(c *gin.Context) {
	slug, ok := strings.CutSuffix(c.Param("file"), ".png")
	if !ok {
		s.notFound(c)
		return
	}
	if _, ok := s.site.communes.Lookup(slug); !ok {
		s.notFound(c)
		return
	}
	size, err := qrSize(c.Query("size"))
	if err != nil {
		s.fail(c, err)
		return
	}
	poster := c.Query("p")
	if !ValidPoster(poster) {
		s.fail(c, errPosterID)
		return
	}
	// A code printed before the base URL was fixed must not live on in
	// caches: the tag names what the image encodes, base URL included, and
	// caches keep the image an hour at most before asking again.
	etag := qrETag(s.cfg.BaseURL, slug, poster, size)
	c.Header("Cache-Control", "public, max-age=3600")
	c.Header("ETag", etag)
	if c.GetHeader("If-None-Match") == etag {
		c.Status(http.StatusNotModified)
		return
	}
	png, err := QRCode(s.cfg.BaseURL, slug, poster, size)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Data(http.StatusOK, "image/png", png)
}

// qrETag names one QR image: what it encodes and its size.
func qrETag(baseURL, slug, poster string, size int) string {
	sum := sha256.Sum256([]byte(ChatURL(baseURL, slug, poster) + "\x00" + strconv.Itoa(size)))
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// qrURL is the address of a commune's QR image for a poster ("" none)
// at size ("" for the screen). It carries a short digest of the base
// URL, so that a page served after the base URL changed asks for a new
// image instead of reading the old one from a cache.
func (s *Server) qrURL(slug, poster, size string) string {
	v := url.Values{}
	if poster != "" {
		v.Set("p", poster)
	}
	if size != "" {
		v.Set("size", size)
	}
	sum := sha256.Sum256([]byte(s.cfg.BaseURL))
	v.Set("b", hex.EncodeToString(sum[:4]))
	return "/qr/" + url.PathEscape(slug) + ".png?" + v.Encode()
}
