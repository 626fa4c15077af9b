package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
)

// usersPage is the data of admin_users.html. Secrets appear once, in the
// answer to the request that made them.
type usersPage struct {
	adminPage
	Users               []records.User
	Tokens              []records.APIToken
	OneTime             string        // a new one-time password ...
	OneTimeFor          string        // ... and whose it is
	NewToken            string        // a new API token ...
	TokenName           string        // ... and its name
	Name, Role, Commune string        // the create form, kept after an error
	Picks               []communePick // communes the typed name may mean
}

// renderUsers writes the users and tokens page: a province administrator
// sees every user and token, an officer their own commune's tokens.
func (s *Server) renderUsers(c *gin.Context, status int, p usersPage) {
	ctx := c.Request.Context()
	u := adminUser(c)
	p.adminPage = s.adminPage(c, "Người dùng & token")
	p.Error = c.GetString("admin.error")
	var err error
	if u.Province() {
		p.Users, err = s.admin.accounts.Users(ctx)
	} else {
		p.Users = []records.User{u}
	}
	if err == nil {
		p.Tokens, err = s.admin.accounts.Tokens(ctx, u.Commune)
	}
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.renderAdmin(c, status, "admin_users.html", p)
}

func (s *Server) handleUsers(c *gin.Context) { s.renderUsers(c, http.StatusOK, usersPage{}) }

// refuseUsers shows the page again with a message.
func (s *Server) refuseUsers(c *gin.Context, status int, msg string, p usersPage) {
	c.Set("admin.error", msg)
	s.renderUsers(c, status, p)
}

func (s *Server) handleCreateUser(c *gin.Context) {
	ctx := c.Request.Context()
	p := usersPage{Name: c.PostForm("name"), Role: c.PostForm("role"), Commune: strings.TrimSpace(c.PostForm("commune"))}
	nu := records.User{Name: p.Name, Role: p.Role, Commune: p.Commune, MustChange: true}
	if nu.Role == records.RoleCommune && nu.Commune != "" {
		slug, msg, offer := s.postedCommune(nu.Commune)
		if msg != "" {
			p.Picks = offer
			s.refuseUsers(c, http.StatusBadRequest, msg, p)
			return
		}
		nu.Commune = slug
		ok, err := s.knownCommune(ctx, nu.Commune)
		if err != nil {
			s.failPage(c, err)
			return
		}
		if !ok {
			s.refuseUsers(c, http.StatusBadRequest, "Không có xã/phường mã "+strconv.Quote(nu.Commune)+". (No such commune)", p)
			return
		}
	}
	pw, err := oneTimePassword()
	if err == nil {
		nu, err = s.admin.accounts.CreateUser(ctx, nu, pw)
	}
	if msg, ok := inputMessage(err); ok {
		s.refuseUsers(c, http.StatusBadRequest, msg, p)
		return
	}
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.renderUsers(c, http.StatusOK, usersPage{OneTime: pw, OneTimeFor: nu.Name})
}

// otherUser loads the user of the URL; one's own account is changed on
// the password page, not here.
func (s *Server) otherUser(c *gin.Context) (records.User, bool) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		s.failPage(c, knowledge.ErrNotFound)
		return records.User{}, false
	}
	u, err := s.admin.accounts.User(c.Request.Context(), id)
	if err != nil {
		s.failPage(c, err)
		return u, false
	}
	if u.ID == adminUser(c).ID {
		s.refuseUsers(c, http.StatusBadRequest, "Không thể tự đặt lại hoặc xóa tài khoản của mình ở đây; hãy dùng trang Đổi mật khẩu.", usersPage{})
		return u, false
	}
	return u, true
}

func (s *Server) handleResetPassword(c *gin.Context) {
	ctx := c.Request.Context()
	u, ok := s.otherUser(c)
	if !ok {
		return
	}
	pw, err := s.admin.accounts.ResetPassword(ctx, u.ID)
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.renderUsers(c, http.StatusOK, usersPage{OneTime: pw, OneTimeFor: u.Name})
}

// userPage is the data of admin_user_delete.html.
type userPage struct {
	adminPage
	Target records.User
}

func (s *Server) handleDeleteUserPage(c *gin.Context) {
	u, ok := s.otherUser(c)
	if !ok {
		return
	}
	s.renderAdmin(c, http.StatusOK, "admin_user_delete.html", userPage{adminPage: s.adminPage(c, "Xóa tài khoản"), Target: u})
}

func (s *Server) handleDeleteUser(c *gin.Context) {
	u, ok := s.otherUser(c)
	if !ok {
		return
	}
	if err := s.admin.accounts.DeleteUser(c.Request.Context(), u.ID); err != nil {
		s.failPage(c, err)
		return
	}
	seeOther(c, "/admin/users", "Đã xóa tài khoản "+u.Name+" và các token của tài khoản.")
}

func (s *Server) handleCreateToken(c *gin.Context) {
	t, secret, err := s.admin.accounts.CreateToken(c.Request.Context(), c.PostForm("name"), adminUser(c))
	if msg, ok := inputMessage(err); ok {
		s.refuseUsers(c, http.StatusBadRequest, msg, usersPage{})
		return
	}
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.renderUsers(c, http.StatusOK, usersPage{NewToken: secret, TokenName: t.Name})
}

func (s *Server) handleDeleteToken(c *gin.Context) {
	ctx := c.Request.Context()
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		s.failPage(c, knowledge.ErrNotFound)
		return
	}
	t, err := s.admin.accounts.Token(ctx, id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	if u := adminUser(c); !u.Province() && (t.Role != records.RoleCommune || t.Commune != u.Commune) {
		s.forbid(c)
		return
	}
	if err := s.admin.accounts.DeleteToken(ctx, id); err != nil {
		s.failPage(c, err)
		return
	}
	seeOther(c, "/admin/users", "Đã thu hồi token "+t.Name+".")
}
