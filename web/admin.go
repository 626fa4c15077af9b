package web

// The administrators' side: accounts, sessions, CSRF, API tokens and the
// admin pages' templates. Every admin page handler runs after
// requireLogin and checkCSRF (see routes.go); adminUser(c) is the user,
// s.mayCommune(c, slug) says whether they may act on a commune, s.forbid
// and s.failPage write the 403 and error pages, and s.renderAdmin renders
// a page (web/templates/admin_*.html, parsed at start with admin_base.html
// and every admin_part*.html) with data embedding adminPage.

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

	"github.com/hoidap/hoidap/chatbot"
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
	matcher  *chatbot.ApprovedMatcher // the dashboard's: which gaps an approved answer covers
	secure   bool                     // cookies only over HTTPS: BaseURL is https
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
		now: time.Now, matcher: chatbot.NewApprovedMatcher(),
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
