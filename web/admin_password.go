package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/records"
)

// firstAdmin creates the province administrator "admin" when there are no
// users: with password when it is set, else with a one-time password
// written to the console (never to the log) that must be changed at the
// first login. Until "admin" has chosen a password of their own, every
// start does this again (a missed console line is not a dead end).
func (ad *adminSite) firstAdmin(ctx context.Context, password string) error {
	users, err := ad.accounts.Users(ctx)
	if err != nil {
		return err
	}
	existing := records.User{}
	for _, u := range users {
		if u.Name == firstAdmin {
			existing = u
		}
	}
	if len(users) > 0 && (existing.ID == 0 || !existing.MustChange) {
		return nil
	}
	oneTime := password == ""
	if oneTime {
		if password, err = oneTimePassword(); err != nil {
			return err
		}
	}
	if existing.ID != 0 {
		err = ad.accounts.SetPassword(ctx, existing.ID, password, oneTime)
	} else {
		_, err = ad.accounts.CreateUser(ctx, records.User{Name: firstAdmin, Role: records.RoleProvince, MustChange: oneTime}, password)
	}
	if err != nil {
		return fmt.Errorf("web: first administrator (HOIDAP_ADMIN_PASSWORD): %w", err)
	}
	if oneTime {
		_, err = fmt.Fprintf(ad.console, "\nTài khoản quản trị đầu tiên (first administrator): %s\n"+
			"Mật khẩu dùng một lần (one-time password): %s\n"+
			"Đăng nhập tại /admin/login và đổi mật khẩu ngay. (Log in at /admin/login and change it.)\n\n", firstAdmin, password)
	}
	return err
}

// oneTimePassword is records.OneTimePassword: one rule for every
// one-time password, the first administrator's and a reset's.
func oneTimePassword() (string, error) { return records.OneTimePassword() }

func (s *Server) handlePasswordPage(c *gin.Context) {
	p := s.adminPage(c, "Đổi mật khẩu")
	if adminUser(c).MustChange {
		p.Error = "Bạn cần đặt mật khẩu mới trước khi tiếp tục."
	}
	s.renderAdmin(c, http.StatusOK, "admin_password.html", p)
}

func (s *Server) handlePassword(c *gin.Context) {
	ctx := c.Request.Context()
	u := adminUser(c)
	p := s.adminPage(c, "Đổi mật khẩu")
	current, next := c.PostForm("current"), c.PostForm("new")
	var err error
	switch {
	case next != c.PostForm("repeat"):
		p.Error = "Hai lần nhập mật khẩu mới không khớp. (Passwords do not match)"
	case next == current:
		p.Error = "Mật khẩu mới phải khác mật khẩu cũ. (New password must differ)"
	default:
		var locked bool
		if locked, err = s.changePassword(c, u, current, next, &p); locked {
			s.renderAdmin(c, http.StatusTooManyRequests, "admin_password.html", p)
			return
		}
	}
	if msg, ok := inputMessage(err); ok {
		p.Error, err = msg, nil
	}
	if err == nil && p.Error == "" {
		secret, _ := c.Get(ctxSecret)
		err = s.admin.accounts.DeleteSessions(ctx, u.ID, secret.(string))
	}
	if err != nil {
		s.failPage(c, err)
		return
	}
	if p.Error != "" {
		s.renderAdmin(c, http.StatusBadRequest, "admin_password.html", p)
		return
	}
	seeOther(c, "/admin/documents", "Đã đổi mật khẩu.")
}

// changePassword checks the current password, throttled as at login (a
// stolen session cannot guess it), and sets the new one. A wrong current
// password sets p.Error; locked reports a lock, its message in p.Error.
func (s *Server) changePassword(c *gin.Context, u records.User, current, next string, p *adminPage) (locked bool, err error) {
	ctx := c.Request.Context()
	th, err := s.throttle(ctx, c, u.Name)
	if err != nil {
		return false, err
	}
	until, err := th.locked(ctx)
	if err != nil {
		return false, err
	}
	if !until.IsZero() {
		p.Error = s.lockedMessage(until)
		return true, nil
	}
	if _, err = s.admin.accounts.Login(ctx, u.Name, current); errors.Is(err, records.ErrWrongPassword) {
		p.Error = "Mật khẩu hiện tại không đúng. (Wrong current password)"
		if until, err = th.failed(ctx); err == nil && !until.IsZero() {
			p.Error += " " + s.lockedMessage(until)
			return true, nil
		}
		return false, err
	}
	if err != nil {
		return false, err
	}
	return false, s.admin.accounts.SetPassword(ctx, u.ID, next, false)
}
