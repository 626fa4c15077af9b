package web

// The administrators' side: accounts, sessions, CSRF, API tokens and the
// documents pages. Contract for the other admin files (admin_content*.go,
// admin_communes*, admin_posters*, admin_dashboard*, ...):
//
//   - Routes: adminRoutes declares
//     adm := r.Group("/admin", s.requireLogin, s.checkCSRF)
//     and calls s.adminContentRoutes(adm) for the communes, posters and
//     dashboard pages. Every handler in adm runs with a logged-in user whose
//     password is not due for a change, and every non-GET request in it has
//     passed the CSRF check (form field "csrf" or header "X-CSRF-Token").
//   - adminUser(c) records.User is the logged-in user.
//   - s.mayCommune(c, slug) bool: may the user act on commune slug? A
//     province administrator may act on any; a commune officer only on
//     their own; slug "" (province-wide) only a province administrator.
//   - s.forbid(c) writes the 403 page (Vietnamese) and aborts;
//     s.requireProvince is a middleware that forbids commune officers.
//   - s.failPage(c, err) writes the error page and aborts: a
//     *records.InputError shows its message (400), knowledge.ErrNotFound
//     404, anything else "Internal error" (500, logged once there).
//   - Flash: seeOther redirects to a page with ?ok=<message> signed for
//     the session (okm); adminPage shows it on logged-in pages only, and
//     only with its signature.
//   - Pages: every web/templates/admin_*.html except admin_base.html and
//     admin_part*.html is a page, parsed at start (a broken one fails the
//     boot) together with admin_base.html (the layout: nav, flash, error)
//     and every admin_part*.html (shared {{define}}s). A page defines
//     {{define "content"}} and may define {{define "head"}} (extra <head>
//     tags, e.g. a stylesheet). Render it with
//     s.renderAdmin(c, http.StatusOK, "admin_x.html", data)
//     where data is s.adminPage(c, "Title") or a struct embedding adminPage
//     (fields User, CSRF, Title, Nav, Flash, Error). Forms write
//     {{template "csrf" $}} inside <form method="post"> ($ is the data:
//     anything with a CSRF field). Nav is the active menu key: "documents",
//     "communes", "posters", "dashboard", "users"; adminPage sets it from
//     the URL's first segment after /admin/.
//   - Template funcs: asset, tel, date (time → 02/01/2006, Vietnam time),
//     datetime (02/01/2006 15:04), add, commune (slug → name, or "Toàn tỉnh"
//     for ""), section (section key → Vietnamese heading).
//   - csrfField(c) template.HTML is the hidden input for hand-made HTML.
//   - Stylesheet: web/static/admin.css (linked by the layout).

import (
	"bytes"
	"context"
	"crypto/hmac"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/upload"
)

// adminSite holds the administrators' side: parsed admin templates,
// session settings, upload limits and the first-start console.
type adminSite struct {
	pages    map[string]*template.Template
	communes Communes
	accounts Accounts
	keys     IdempotencyKeys
	posters  Posters
	answers  AnswerLog
	approved ApprovedAnswers
	now      func() time.Time
	secure   bool // cookies only over HTTPS: BaseURL is https
	token    string
	limits   upload.Limits
	idle     time.Duration // a session unused this long ends
	maxAge   time.Duration // a session ends this long after login
	console  io.Writer
}

// Session lifetimes and the upload size limit.
const (
	sessionIdle   = 12 * time.Hour
	sessionMaxAge = 7 * 24 * time.Hour
	maxUpload     = upload.DefaultMaxBytes
)

func newAdminSite(cfg Config) (*adminSite, error) {
	a, err := newAssets()
	if err != nil {
		return nil, err
	}
	console := cfg.Console
	if console == nil {
		console = io.Discard
	}
	ad := &adminSite{
		pages: map[string]*template.Template{}, communes: cfg.Communes,
		accounts: cfg.Records, keys: cfg.Records, posters: cfg.Records, answers: cfg.Records, approved: cfg.Records,
		now:    time.Now,
		secure: strings.HasPrefix(cfg.BaseURL, "https://"), token: cfg.AdminToken,
		limits: upload.Limits{MaxBytes: maxUpload}, idle: sessionIdle, maxAge: sessionMaxAge,
		console: console,
	}
	if err := ad.parse(a); err != nil {
		return nil, err
	}
	if err := ad.firstAdmin(context.Background(), cfg.AdminPassword); err != nil {
		return nil, err
	}
	return ad, nil
}

// parse reads every admin page template with the layout and the parts.
func (ad *adminSite) parse(a *assets) error {
	names, err := fs.Glob(templateFS, "templates/admin_*.html")
	if err != nil {
		return fmt.Errorf("web: admin templates: %w", err)
	}
	shared := []string{"templates/admin_base.html"}
	var pages []string
	for _, n := range names {
		base := strings.TrimPrefix(n, "templates/")
		switch {
		case base == "admin_base.html":
		case strings.HasPrefix(base, "admin_part"):
			shared = append(shared, n)
		default:
			pages = append(pages, base)
		}
	}
	funcs := template.FuncMap{
		"asset": a.URL, "tel": telHref, "add": func(x, y int) int { return x + y },
		"date":         func(t time.Time) string { return fmtTime(t, "02/01/2006") },
		"datetime":     func(t time.Time) string { return fmtTime(t, "02/01/2006 15:04") },
		"commune":      ad.communeName,
		"section":      knowledge.SectionHeading,
		"communeField": newCommuneField,
		"communeValue": ad.communeValue,
	}
	for _, page := range pages {
		t, err := template.New(page).Funcs(funcs).ParseFS(templateFS, append(shared, "templates/"+page)...)
		if err != nil {
			return fmt.Errorf("web: admin template %s: %w", page, err)
		}
		ad.pages[page] = t
	}
	return nil
}

func fmtTime(t time.Time, layout string) string {
	if t.IsZero() {
		return ""
	}
	return t.In(vietnam).Format(layout)
}

// communeName names a commune slug for the admin pages.
func (ad *adminSite) communeName(slug string) string {
	if slug == "" {
		return "Toàn tỉnh"
	}
	if c, ok := ad.communes.Lookup(slug); ok {
		return c.Name
	}
	return slug
}

// adminPage is what every admin page template reads.
type adminPage struct {
	User  records.User
	CSRF  string
	Title string
	Nav   string // active menu entry
	Flash string // a success message
	Error string // a failure message
}

// adminPage fills the common fields of an admin page for this request.
func (s *Server) adminPage(c *gin.Context, title string) adminPage {
	nav, _, _ := strings.Cut(strings.TrimPrefix(c.Request.URL.Path, "/admin/"), "/")
	p := adminPage{User: adminUser(c), CSRF: csrfToken(c), Title: title, Nav: nav}
	if msg := c.Query("ok"); msg != "" && p.User.ID != 0 && hmac.Equal([]byte(c.Query("okm")), []byte(flashMAC(c, msg))) {
		p.Flash = msg // only a message this service wrote for this session
	}
	return p
}

// renderAdmin writes an admin page; pages are never cached.
func (s *Server) renderAdmin(c *gin.Context, status int, page string, data any) {
	t, ok := s.admin.pages[page]
	var buf bytes.Buffer
	if !ok {
		s.log.Error("render admin", slog.String("page", page), slog.String("error", "no such template"))
		c.String(http.StatusInternalServerError, "Lỗi hệ thống, vui lòng thử lại sau. (Internal error)")
		return
	}
	if err := t.ExecuteTemplate(&buf, "admin", data); err != nil {
		s.log.Error("render admin", slog.String("page", page), slog.Any("error", err))
		c.String(http.StatusInternalServerError, "Lỗi hệ thống, vui lòng thử lại sau. (Internal error)")
		return
	}
	c.Header("Cache-Control", "no-store")
	writeBody(c, status, "text/html; charset=utf-8", buf.Bytes(), nil)
}

// forbid writes the 403 page and stops the request.
func (s *Server) forbid(c *gin.Context) {
	p := s.adminPage(c, "Không có quyền")
	p.Error = "Bạn không có quyền xem hoặc thay đổi mục này. Cán bộ xã chỉ làm việc với dữ liệu của xã mình."
	s.renderAdmin(c, http.StatusForbidden, "admin_error.html", p)
	c.Abort()
}

// adminRoutes declares /admin and /api/v1/admin.
func (s *Server) adminRoutes(r *gin.Engine) {
	r.GET("/admin", func(c *gin.Context) { c.Redirect(http.StatusSeeOther, "/admin/documents") })
	pub := r.Group("/admin", s.preSession, s.checkCSRF)
	pub.GET("/login", s.handleLoginPage)
	pub.POST("/login", s.handleLogin)
	pub.POST("/logout", s.handleLogout)
	pub.GET("/password", s.requireSession, s.handlePasswordPage)
	pub.POST("/password", s.requireSession, s.handlePassword)

	adm := r.Group("/admin", s.requireLogin, s.checkCSRF, s.communeByName)
	adm.GET("/documents", s.handleDocuments)
	adm.POST("/documents", s.handleUpload)
	adm.GET("/documents/:id", s.handleDocument)
	adm.POST("/documents/:id/replace", s.handleReplace)
	adm.GET("/documents/:id/delete", s.handleDeletePage)
	adm.POST("/documents/:id/delete", s.handleDelete)
	adm.POST("/documents/:id/hide", s.handleHide)
	adm.POST("/documents/:id/unhide", s.handleUnhide)
	adm.GET("/users", s.handleUsers)
	adm.POST("/users", s.requireProvince, s.handleCreateUser)
	adm.POST("/users/:id/password", s.requireProvince, s.handleResetPassword)
	adm.GET("/users/:id/delete", s.requireProvince, s.handleDeleteUserPage)
	adm.POST("/users/:id/delete", s.requireProvince, s.handleDeleteUser)
	adm.POST("/tokens", s.handleCreateToken)
	adm.POST("/tokens/:id/delete", s.handleDeleteToken)
	s.adminContentRoutes(adm)

	api := r.Group("/api/v1/admin", s.requireToken)
	api.GET("/documents", s.handleAPIDocuments)
	api.POST("/documents", s.handleAPIUpload)
	api.DELETE("/documents/:id", s.handleAPIDelete)
}
