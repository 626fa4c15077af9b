package web

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/records"
)

// scanDays is how many days of scans the posters page shows.
const scanDays = 30

// postersPage is the data of admin_posters.html.
type postersPage struct {
	adminPage
	Commune  string // slug; "" on the page that asks which commune
	Name     string
	Posters  []posterRow
	Chart    chart
	Days     []scanDay // days with scans, newest first
	Columns  []string  // poster names, the columns of Days
	Pick     []records.CommuneMatch
	Q        string
	Total    int
	ChatURL  string
	PlainQR  string // the commune's QR without a poster
	PlainOut string // its printable poster
	// Warning says, in Vietnamese, why residents' phones cannot open the
	// base URL the codes point to; "" when they can.
	Warning string
}

// posterRow is one named poster with its links and scans.
type posterRow struct {
	records.Poster
	PrintURL, QRURL, ChatURL string
	Scans                    int
	Chart                    chart
}

// scanDay is one row of the scans table.
type scanDay struct {
	Day    time.Time
	Counts []int // per Columns
	Total  int
}

// handleAdminPosters sends an officer to their commune's posters and lets
// a province administrator pick a commune.
func (s *Server) handleAdminPosters(c *gin.Context) {
	u := adminUser(c)
	if slug := c.Query("commune"); slug != "" || !u.Province() {
		if slug == "" {
			slug = u.Commune
		}
		c.Redirect(http.StatusSeeOther, "/admin/posters/"+url.PathEscape(slug))
		return
	}
	p := postersPage{adminPage: s.adminPage(c, "Áp phích QR"), Q: strings.TrimSpace(c.Query("q")), Warning: baseURLProblemVI(s.cfg.BaseURL)}
	if p.Q != "" {
		p.Pick = s.site.communes.Find(p.Q, 20)
	}
	s.renderAdmin(c, http.StatusOK, "admin_posters.html", p)
}

// handlePostersPage lists a commune's named posters with their print and
// QR links and their scans over the last 30 days.
func (s *Server) handlePostersPage(c *gin.Context) {
	slug, ok := s.adminCommune(c, c.Param("commune"), false)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	st := s.admin.posters
	posters, err := st.Posters(ctx, slug)
	if err != nil {
		s.failPage(c, err)
		return
	}
	today := s.site.now().In(vietnam)
	scans, err := st.Scans(ctx, slug, today.AddDate(0, 0, -(scanDays-1)))
	if err != nil {
		s.failPage(c, err)
		return
	}
	p := postersPage{adminPage: s.adminPage(c, "Áp phích QR — "+s.communeName(slug)), Commune: slug, Name: s.communeName(slug),
		ChatURL: ChatURL(s.cfg.BaseURL, slug, ""), PlainQR: s.qrURL(slug, "", ""),
		PlainOut: "/poster/" + url.PathEscape(slug), Warning: baseURLProblemVI(s.cfg.BaseURL)}
	s.fillScans(&p, slug, posters, scans, today)
	s.renderAdmin(c, http.StatusOK, "admin_posters.html", p)
}

// fillScans adds to p each poster's row and the commune's scans per day
// and poster, named posters first, then ids no (longer) named poster has.
func (s *Server) fillScans(p *postersPage, slug string, posters []records.Poster, scans []records.ScanCount, today time.Time) {
	byPoster := map[string]map[string]int{} // poster id → day → count
	all := map[string]int{}
	for _, sc := range scans {
		if byPoster[sc.Poster] == nil {
			byPoster[sc.Poster] = map[string]int{}
		}
		byPoster[sc.Poster][sc.Day] += sc.Count
		all[sc.Day] += sc.Count
		p.Total += sc.Count
	}
	ids := make([]string, 0, len(posters))
	named := map[string]bool{}
	for _, ps := range posters {
		row := posterRow{Poster: ps,
			PrintURL: "/poster/" + url.PathEscape(slug) + "?p=" + url.QueryEscape(ps.ID),
			QRURL:    s.qrURL(slug, ps.ID, ""),
			ChatURL:  ChatURL(s.cfg.BaseURL, slug, ps.ID),
			Chart:    chart{ID: "scan-" + ps.ID, Title: "Lượt quét: " + ps.Name, Unit: "lượt quét", Small: true, Points: daySeries(byPoster[ps.ID], today, scanDays)},
		}
		for _, n := range byPoster[ps.ID] {
			row.Scans += n
		}
		p.Posters = append(p.Posters, row)
		ids = append(ids, ps.ID)
		named[ps.ID] = true
		p.Columns = append(p.Columns, ps.Name)
	}
	// Scans of ids that are not (or no longer) named posters.
	var others []string
	for id := range byPoster {
		if !named[id] {
			others = append(others, id)
		}
	}
	sort.Strings(others)
	for _, id := range others {
		ids = append(ids, id)
		p.Columns = append(p.Columns, "mã "+id)
	}
	p.Chart = chart{ID: "scans", Title: "Lượt quét mã QR mỗi ngày, " + p.Name, Unit: "lượt quét", Points: daySeries(all, today, scanDays)}
	for i := len(p.Chart.Points) - 1; i >= 0; i-- {
		pt := p.Chart.Points[i]
		if pt.Value == 0 {
			continue
		}
		day := scanDay{Day: pt.Day, Total: pt.Value}
		for _, id := range ids {
			day.Counts = append(day.Counts, byPoster[id][pt.Day.Format(time.DateOnly)])
		}
		p.Days = append(p.Days, day)
	}
}

// handlePosterCreate adds a named poster to a commune.
func (s *Server) handlePosterCreate(c *gin.Context) {
	slug, ok := s.adminCommune(c, c.Param("commune"), false)
	if !ok {
		return
	}
	ps, err := s.admin.posters.CreatePoster(c.Request.Context(), slug, c.PostForm("name"), adminUser(c).Name)
	if s.posterError(c, err) {
		return
	}
	seeOther(c, "/admin/posters/"+url.PathEscape(slug), "Đã tạo áp phích «"+ps.Name+"».")
}

// handlePosterRename renames one of a commune's posters.
func (s *Server) handlePosterRename(c *gin.Context) {
	slug, ok := s.adminCommune(c, c.Param("commune"), false)
	if !ok {
		return
	}
	err := s.admin.posters.RenamePoster(c.Request.Context(), slug, c.Param("poster"), c.PostForm("name"))
	if s.posterError(c, err) {
		return
	}
	seeOther(c, "/admin/posters/"+url.PathEscape(slug), "Đã đổi tên áp phích.")
}

// handlePosterDelete removes one of a commune's posters; its scans stay
// counted under its id.
func (s *Server) handlePosterDelete(c *gin.Context) {
	slug, ok := s.adminCommune(c, c.Param("commune"), false)
	if !ok {
		return
	}
	if s.posterError(c, s.admin.posters.DeletePoster(c.Request.Context(), slug, c.Param("poster"))) {
		return
	}
	seeOther(c, "/admin/posters/"+url.PathEscape(slug), "Đã xoá áp phích.")
}

// posterError shows a refusal or failure; it reports whether there was one.
func (s *Server) posterError(c *gin.Context, err error) bool {
	if err == nil {
		return false
	}
	s.failPage(c, err)
	return true
}

// Posters is what the poster pages, the chat page and the scan counter
// need of a commune's posters and their scans.
type Posters interface {
	CreatePoster(ctx context.Context, commune, name, by string) (records.Poster, error)
	Posters(ctx context.Context, commune string) ([]records.Poster, error)
	Poster(ctx context.Context, commune, id string) (records.Poster, error)
	RenamePoster(ctx context.Context, commune, id, name string) error
	DeletePoster(ctx context.Context, commune, id string) error
	CountScan(ctx context.Context, commune, poster string, day time.Time) error
	Scans(ctx context.Context, commune string, since time.Time) ([]records.ScanCount, error)
}
