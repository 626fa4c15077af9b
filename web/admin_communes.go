package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/fault"
	"github.com/hoidap/hoidap/internal/records"
)

// communesPage is the data of admin_communes.html: the communes a
// province administrator finds by name, and those with saved details.
type communesPage struct {
	adminPage
	Q       string
	Results []records.CommuneMatch
	Stored  []records.CommuneDetails
}

// communePage is the data of admin_commune.html: one commune's form.
type communePage struct {
	adminPage
	New     bool
	C       records.CommuneInfo
	Former  string // one per line
	Custom  bool
	Updated time.Time
	By      string
	// FromDirectory says the former names were pre-filled from the
	// reform's data, not saved by an administrator yet.
	FromDirectory bool
}

// handleAdminCommunes lists communes for province administrators; an
// officer goes straight to their own commune.
func (s *Server) handleAdminCommunes(c *gin.Context) {
	u := adminUser(c)
	if !u.Province() {
		c.Redirect(http.StatusSeeOther, "/admin/communes/"+u.Commune)
		return
	}
	p := communesPage{adminPage: s.adminPage(c, "Xã, phường"), Q: strings.TrimSpace(c.Query("q"))}
	if p.Q != "" {
		p.Results = s.site.communes.Find(p.Q, 50)
	}
	stored, err := s.site.communes.Stored(c.Request.Context())
	if err != nil {
		s.failPage(c, err)
		return
	}
	p.Stored = stored
	s.renderAdmin(c, http.StatusOK, "admin_communes.html", p)
}

// handleCommunePage shows the form of one commune, its former names
// pre-filled from the directory until an administrator saves some.
func (s *Server) handleCommunePage(c *gin.Context) {
	slug, ok := s.adminCommune(c, c.Param("commune"), false)
	if !ok {
		return
	}
	info, _ := s.site.communes.Lookup(slug)
	p := communePage{adminPage: s.adminPage(c, info.Name), C: info, Former: strings.Join(info.Former, "\n")}
	if d, saved := s.site.communes.Saved(slug); saved {
		p.Custom, p.Updated, p.By = d.Custom, d.Updated, d.UpdatedBy
		p.FromDirectory = len(d.Former) == 0 && len(info.Former) > 0
	} else {
		p.FromDirectory = len(info.Former) > 0
	}
	s.renderAdmin(c, http.StatusOK, "admin_commune.html", p)
}

// handleCommuneSave saves the details of a commune the user may edit.
func (s *Server) handleCommuneSave(c *gin.Context) {
	slug, ok := s.adminCommune(c, c.Param("commune"), false)
	if !ok {
		return
	}
	d := communeForm(c, slug)
	saved, err := s.site.communes.Save(c.Request.Context(), d)
	if s.communeFormError(c, d, false, err) {
		return
	}
	seeOther(c, "/admin/communes/"+slug, "Đã lưu thông tin "+saved.Name+".")
}

// handleCommuneNewPage shows the empty form of a new commune.
func (s *Server) handleCommuneNewPage(c *gin.Context) {
	p := communePage{adminPage: s.adminPage(c, "Thêm xã, phường"), New: true}
	s.renderAdmin(c, http.StatusOK, "admin_commune.html", p)
}

// handleCommuneCreate stores a commune the directory does not have.
func (s *Server) handleCommuneCreate(c *gin.Context) {
	slug := strings.TrimSpace(c.PostForm("slug"))
	d := communeForm(c, slug)
	var err error
	if _, known := s.site.communes.Lookup(slug); known {
		err = &fault.Error{Message: "Mã «" + slug + "» đã thuộc một xã, phường khác; hãy chọn mã khác. (Slug in use)"}
	} else {
		d, err = s.site.communes.Create(c.Request.Context(), d)
	}
	if s.communeFormError(c, d, true, err) {
		return
	}
	seeOther(c, "/admin/communes/"+d.Slug, "Đã thêm "+d.Name+".")
}

// communeForm reads the commune form.
func communeForm(c *gin.Context, slug string) records.CommuneDetails {
	d := records.CommuneDetails{CommuneInfo: records.CommuneInfo{
		Slug: slug, Name: c.PostForm("name"), Province: c.PostForm("province"), Address: c.PostForm("address"),
		Hours: c.PostForm("hours"), Hotline: c.PostForm("hotline"), MapURL: c.PostForm("map_url"),
		Former: strings.Split(strings.ReplaceAll(c.PostForm("former"), "\r\n", "\n"), "\n"),
	}, UpdatedBy: adminUser(c).Name}
	return d
}

// communeFormError shows the form again with the refusal's message, or
// the error page; it reports whether there was an error.
func (s *Server) communeFormError(c *gin.Context, d records.CommuneDetails, isNew bool, err error) bool {
	if err == nil {
		return false
	}
	msg, ok := inputMessage(err)
	if !ok {
		s.failPage(c, err)
		return true
	}
	p := communePage{adminPage: s.adminPage(c, d.Name), New: isNew, C: d.CommuneInfo, Former: c.PostForm("former")}
	p.Error = msg
	s.renderAdmin(c, http.StatusBadRequest, "admin_commune.html", p)
	return true
}
