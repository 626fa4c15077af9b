package web

import (
	"crypto/subtle"
	"errors"
	"html/template"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/records"
)

// preCookie carries the CSRF token of a browser that is not logged in
// (the login form): the form must send back the cookie's value.
const preCookie = "hoidap_csrf"

// maxAdminForm bounds an admin form: an upload of the largest file
// allowed plus room for the form around it.
const maxAdminForm = maxUpload + 256<<10

// preSession loads the session when there is one; otherwise it gives the
// browser a CSRF token of its own in a cookie, for the login form.
func (s *Server) preSession(c *gin.Context) {
	if s.loadSession(c) {
		c.Next()
		return
	}
	token, err := c.Cookie(preCookie)
	if err != nil || len(token) < 32 {
		if token, err = records.NewSecret(); err != nil {
			s.failPage(c, err)
			return
		}
		http.SetCookie(c.Writer, &http.Cookie{Name: preCookie, Value: token, Path: "/admin", HttpOnly: true,
			Secure: s.admin.secure, SameSite: http.SameSiteStrictMode})
	}
	c.Set(ctxCSRF, token)
	c.Next()
}

// checkCSRF refuses a request that changes something (not GET or HEAD)
// unless it carries the CSRF token of its session, in the form field
// "csrf" or the X-CSRF-Token header. It also bounds the request body, so
// that a form is never read past maxAdminForm.
func (s *Server) checkCSRF(c *gin.Context) {
	if c.Request.Method == http.MethodGet || c.Request.Method == http.MethodHead {
		c.Next()
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxAdminForm)
	sent := c.GetHeader("X-CSRF-Token")
	if sent == "" {
		var err error
		if strings.HasPrefix(c.ContentType(), "multipart/") {
			err = c.Request.ParseMultipartForm(8 << 20)
		} else {
			err = c.Request.ParseForm()
		}
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.tooLarge(c)
			return
		}
		sent = c.Request.PostFormValue("csrf")
	}
	want := csrfToken(c)
	if want == "" || subtle.ConstantTimeCompare([]byte(sent), []byte(want)) != 1 {
		p := s.adminPage(c, "Yêu cầu bị từ chối")
		p.Error = "Biểu mẫu thiếu mã bảo vệ (CSRF) hoặc đã hết hạn: hãy tải lại trang rồi gửi lại. " +
			"(Missing or expired CSRF token: reload the page and try again)"
		s.renderAdmin(c, http.StatusForbidden, "admin_error.html", p)
		c.Abort()
		return
	}
	c.Next()
}

// tooLarge answers an upload over the size limit.
func (s *Server) tooLarge(c *gin.Context) {
	p := s.adminPage(c, "Tệp quá lớn")
	p.Error = tooLargeMessage
	s.renderAdmin(c, http.StatusRequestEntityTooLarge, "admin_error.html", p)
	c.Abort()
}

const tooLargeMessage = "Tệp quá lớn: tối đa 20 MB. (File too large: at most 20 MB)"

// csrfToken returns the CSRF token of the request's session, or of the
// browser before login.
func csrfToken(c *gin.Context) string {
	return c.GetString(ctxCSRF)
}

// csrfField is the hidden form input carrying the CSRF token.
func csrfField(c *gin.Context) template.HTML {
	return template.HTML(`<input type="hidden" name="csrf" value="` + template.HTMLEscapeString(csrfToken(c)) + `">`)
}
