package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
)

// Cookie and context keys of the admin side.
const (
	sessionCookie = "hoidap_admin"
	ctxUser       = "admin.user"
	ctxCSRF       = "admin.csrf"
	ctxSecret     = "admin.secret"
	firstAdmin    = "admin"
)

// loadSession finds the logged-in user from the session cookie, once per
// request, and keeps the user, the session's CSRF token and its secret in
// the context. It reports whether there is a user.
func (s *Server) loadSession(c *gin.Context) bool {
	if _, ok := c.Get(ctxUser); ok {
		return true
	}
	secret, err := c.Cookie(sessionCookie)
	if err != nil || secret == "" {
		return false
	}
	ss, u, err := s.admin.accounts.Session(c.Request.Context(), secret, s.admin.idle, s.admin.maxAge)
	if err != nil {
		if !errors.Is(err, records.ErrNoSession) {
			s.log.Error("admin session", slog.Any("error", err))
		}
		return false
	}
	c.Set(ctxUser, u)
	c.Set(ctxCSRF, ss.CSRF)
	c.Set(ctxSecret, secret)
	return true
}

// requireLogin lets through a logged-in user whose password is not due
// for a change; others go to the login or the password page.
func (s *Server) requireLogin(c *gin.Context) {
	if !s.loadSession(c) {
		s.toLogin(c)
		return
	}
	if adminUser(c).MustChange {
		c.Redirect(http.StatusSeeOther, "/admin/password")
		c.Abort()
		return
	}
	c.Next()
}

// requireSession lets through a logged-in user, even one who must change
// their password (the password page itself).
func (s *Server) requireSession(c *gin.Context) {
	if !s.loadSession(c) {
		s.toLogin(c)
		return
	}
	c.Next()
}

// requireProvince lets through province administrators only.
func (s *Server) requireProvince(c *gin.Context) {
	if !adminUser(c).Province() {
		s.forbid(c)
		return
	}
	c.Next()
}

func (s *Server) toLogin(c *gin.Context) {
	target := "/admin/login"
	if c.Request.Method == http.MethodGet {
		target += "?next=" + url.QueryEscape(c.Request.URL.RequestURI())
	}
	c.Redirect(http.StatusSeeOther, target)
	c.Abort()
}

// adminUser returns the logged-in user (the zero User when none).
func adminUser(c *gin.Context) records.User {
	v, _ := c.Get(ctxUser)
	u, _ := v.(records.User)
	return u
}

// mayCommune reports whether the user may act on the commune slug: a
// province administrator on any, an officer on their own only; "" (the
// province-wide documents) is for province administrators.
func (s *Server) mayCommune(c *gin.Context, slug string) bool {
	u := adminUser(c)
	if u.Province() {
		return true
	}
	return u.Role == records.RoleCommune && slug != "" && slug == u.Commune
}

// setSessionCookie writes the session cookie; an empty secret deletes it.
func (s *Server) setSessionCookie(c *gin.Context, secret string) {
	ck := &http.Cookie{Name: sessionCookie, Value: secret, Path: "/admin", HttpOnly: true,
		Secure: s.admin.secure, SameSite: http.SameSiteStrictMode, MaxAge: int(s.admin.maxAge / time.Second)}
	if secret == "" {
		ck.MaxAge = -1
	}
	http.SetCookie(c.Writer, ck)
}

// loginPage is the data of admin_login.html.
type loginPage struct {
	adminPage
	Name, Next string
}

func (s *Server) handleLoginPage(c *gin.Context) {
	if s.loadSession(c) {
		c.Redirect(http.StatusSeeOther, "/admin/documents")
		return
	}
	p := loginPage{adminPage: s.adminPage(c, "Đăng nhập"), Next: safeNext(c.Query("next"))}
	if c.Query("out") == "1" {
		p.Flash = "Đã đăng xuất."
	}
	s.renderAdmin(c, http.StatusOK, "admin_login.html", p)
}

// safeNext keeps a redirect target inside /admin, without a flash
// message ("ok") that a link from elsewhere could have planted.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/admin/") ||
		strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return ""
	}
	q := u.Query()
	q.Del("ok")
	u.RawQuery = q.Encode()
	return u.RequestURI()
}

// loginThrottle counts failed passwords for an account from an address.
// Three keys count them: the address (every account), the account from
// that address, and the account from anywhere. The last one locks only
// addresses the account has not logged in from: strangers who fail many
// times cannot lock the owner out at the owner's usual address, and
// guesses spread over many addresses still meet a lock.
type loginThrottle struct {
	accounts    Accounts
	name, addr  string
	local, anyw []string
	known       bool
}

func (s *Server) throttle(ctx context.Context, c *gin.Context, name string) (loginThrottle, error) {
	addr := clientKey(c)
	// The name is typed by anyone: its length goes into the key, so that
	// no name can spell another account's key at another address
	// ("an@10.0.0.1" is not "an" from 10.0.0.1).
	th := loginThrottle{accounts: s.admin.accounts, name: name, addr: addr,
		local: []string{"ip:" + addr, "user:" + strconv.Itoa(len(name)) + ":" + name + "@" + addr}, anyw: []string{"user:" + name}}
	var err error
	th.known, err = s.admin.accounts.KnownLogin(ctx, name, addr)
	return th, err
}

// locked returns until when the account is locked for this address.
func (th loginThrottle) locked(ctx context.Context) (time.Time, error) {
	keys := th.local
	if !th.known {
		keys = append(slices.Clone(keys), th.anyw...)
	}
	return th.accounts.LoginLocked(ctx, keys...)
}

// failed counts a wrong password and returns until when the account is
// now locked for this address.
func (th loginThrottle) failed(ctx context.Context) (time.Time, error) {
	until, err := th.accounts.LoginFailed(ctx, th.local...)
	if err != nil {
		return until, err
	}
	anyw, err := th.accounts.LoginFailed(ctx, th.anyw...)
	if !th.known && anyw.After(until) {
		until = anyw
	}
	return until, err
}

// succeeded forgets the failures and makes the address known.
func (th loginThrottle) succeeded(ctx context.Context) error {
	if err := th.accounts.LoginSucceeded(ctx, append(slices.Clone(th.local), th.anyw...)...); err != nil {
		return err
	}
	return th.accounts.RememberLogin(ctx, th.name, th.addr)
}

func (s *Server) handleLogin(c *gin.Context) {
	ctx := c.Request.Context()
	name := strings.ToLower(strings.TrimSpace(c.PostForm("name")))
	p := loginPage{adminPage: s.adminPage(c, "Đăng nhập"), Name: name, Next: safeNext(c.PostForm("next"))}
	th, err := s.throttle(ctx, c, name)
	if err != nil {
		s.failPage(c, err)
		return
	}
	if until, err := th.locked(ctx); err != nil || !until.IsZero() {
		if err != nil {
			s.failPage(c, err)
			return
		}
		p.Error = s.lockedMessage(until)
		s.renderAdmin(c, http.StatusTooManyRequests, "admin_login.html", p)
		return
	}
	u, err := s.admin.accounts.Login(ctx, name, c.PostForm("password"))
	if errors.Is(err, records.ErrWrongPassword) {
		s.wrongPassword(c, th, p)
		return
	}
	if err == nil {
		err = th.succeeded(ctx)
	}
	var secret string
	if err == nil {
		secret, _, err = s.admin.accounts.CreateSession(ctx, u.ID)
	}
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.setSessionCookie(c, secret)
	http.SetCookie(c.Writer, &http.Cookie{Name: preCookie, Path: "/admin", MaxAge: -1})
	next := p.Next
	if u.MustChange {
		next = "/admin/password"
	} else if next == "" {
		next = "/admin/documents"
	}
	c.Redirect(http.StatusSeeOther, next)
}

// wrongPassword counts a failed login and writes the login page again,
// with the lock it may have brought.
func (s *Server) wrongPassword(c *gin.Context, th loginThrottle, p loginPage) {
	status := http.StatusUnauthorized
	p.Error = "Sai tên đăng nhập hoặc mật khẩu. (Wrong name or password)"
	until, err := th.failed(c.Request.Context())
	if err != nil {
		s.failPage(c, err)
		return
	}
	if !until.IsZero() {
		status, p.Error = http.StatusTooManyRequests, p.Error+" "+s.lockedMessage(until)
	}
	s.renderAdmin(c, status, "admin_login.html", p)
}

// lockedMessage tells when to try again, in Vietnam time.
func (s *Server) lockedMessage(until time.Time) string {
	wait := max(1, int(until.Sub(s.admin.now()).Round(time.Minute)/time.Minute))
	return fmt.Sprintf("Đăng nhập sai quá nhiều lần: hãy thử lại sau %s (khoảng %d phút nữa). "+
		"(Too many failed logins: try again after %s)", until.In(vietnam).Format("15:04"), wait, until.In(vietnam).Format("15:04"))
}

func (s *Server) handleLogout(c *gin.Context) {
	if secret, ok := c.Get(ctxSecret); ok {
		if err := s.admin.accounts.DeleteSession(c.Request.Context(), secret.(string)); err != nil {
			s.failPage(c, err)
			return
		}
	}
	s.setSessionCookie(c, "")
	c.Redirect(http.StatusSeeOther, "/admin/login?out=1")
}

// failPage logs err and writes the error page: "Internal error" for
// anything that is not the user's doing.
func (s *Server) failPage(c *gin.Context, err error) {
	p := s.adminPage(c, "Lỗi")
	status := http.StatusInternalServerError
	switch msg, ok := inputMessage(err); {
	case ok:
		status, p.Error = http.StatusBadRequest, msg
	case errors.Is(err, knowledge.ErrNotFound):
		status, p.Error = http.StatusNotFound, "Không tìm thấy mục này. (Not found)"
	default:
		s.log.Error("admin request failed", slog.String("path", c.FullPath()), slog.Any("error", err))
		p.Error = "Lỗi hệ thống, vui lòng thử lại sau. (Internal error)"
	}
	s.renderAdmin(c, status, "admin_error.html", p)
	c.Abort()
}

// Accounts is what the admin pages and API need of administrators'
// accounts: users, sessions, API tokens and the login throttle.
type Accounts interface {
	CreateUser(ctx context.Context, u records.User, password string) (records.User, error)
	Users(ctx context.Context) ([]records.User, error)
	User(ctx context.Context, id int64) (records.User, error)
	Login(ctx context.Context, name, password string) (records.User, error)
	SetPassword(ctx context.Context, id int64, password string, mustChange bool) error
	ResetPassword(ctx context.Context, id int64) (string, error)
	DeleteUser(ctx context.Context, id int64) error

	CreateSession(ctx context.Context, userID int64) (string, records.Session, error)
	Session(ctx context.Context, secret string, idle, maxAge time.Duration) (records.Session, records.User, error)
	DeleteSession(ctx context.Context, secret string) error
	DeleteSessions(ctx context.Context, userID int64, keep string) error

	CreateToken(ctx context.Context, name string, creator records.User) (records.APIToken, string, error)
	Tokens(ctx context.Context, commune string) ([]records.APIToken, error)
	Token(ctx context.Context, id int64) (records.APIToken, error)
	TokenBySecret(ctx context.Context, secret string) (records.APIToken, error)
	DeleteToken(ctx context.Context, id int64) error

	LoginLocked(ctx context.Context, keys ...string) (time.Time, error)
	LoginFailed(ctx context.Context, keys ...string) (time.Time, error)
	LoginSucceeded(ctx context.Context, keys ...string) error
	RememberLogin(ctx context.Context, name, addr string) error
	KnownLogin(ctx context.Context, name, addr string) (bool, error)
}
