package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
)

// errNoCommune is a commune slug that is neither in the directory nor
// stored.
var errNoCommune = fmt.Errorf("web: commune: %w", knowledge.ErrNotFound)

// errNoApproved is an approved answer id that is not a number.
var errNoApproved = fmt.Errorf("web: approved answer: %w", knowledge.ErrNotFound)

// retentionDays is how many days conversation records are kept.
func (s *Server) retentionDays() int {
	if s.cfg.RetentionDays > 0 {
		return s.cfg.RetentionDays
	}
	return records.DefaultRetentionDays
}

// adminCommune resolves the commune a page is about: an officer's own when
// none is asked for, else the one asked for, if the user may act on it.
// all allows "" (province-wide) for province administrators. It writes the
// 403 or 404 page and reports false when the page must not go on.
func (s *Server) adminCommune(c *gin.Context, slug string, all bool) (string, bool) {
	u := adminUser(c)
	if slug == "" && !u.Province() {
		slug = u.Commune
	}
	if !s.mayCommune(c, slug) || (slug == "" && !all) {
		s.forbid(c)
		return "", false
	}
	if slug != "" {
		if _, ok := s.site.communes.Lookup(slug); !ok {
			s.failPage(c, errNoCommune)
			return "", false
		}
	}
	return slug, true
}

// communeName is the commune's name for headings: "Toàn tỉnh" for "".
func (s *Server) communeName(slug string) string {
	if slug == "" {
		return "Toàn tỉnh"
	}
	if info, ok := s.site.communes.Lookup(slug); ok {
		return info.Name
	}
	return slug
}

// seeOther redirects after a successful form, with a message for the
// next page's flash.
func seeOther(c *gin.Context, path, msg string) {
	c.Redirect(http.StatusSeeOther, withFlash(c, path, msg))
}

// withFlash adds to path a success message for the next page, signed
// with the session's CSRF token: a link someone else writes with a
// message of their own shows nothing.
func withFlash(c *gin.Context, path, msg string) string {
	if msg == "" {
		return path
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "ok=" + url.QueryEscape(msg) + "&okm=" + flashMAC(c, msg)
}

// flashMAC signs a flash message for the request's session.
func flashMAC(c *gin.Context, msg string) string {
	m := hmac.New(sha256.New, []byte("flash:"+csrfToken(c)))
	m.Write([]byte(msg))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}
