package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/records"
)

// Dashboard bounds: days charted, procedures and gaps listed.
const (
	dashboardDays = 30
	topProcedures = 10
	topGaps       = 50
)

// dashboardPage is the data of admin_dashboard.html.
type dashboardPage struct {
	adminPage
	Commune   string // "" is the whole province
	Name      string
	Sum       records.Summary
	Chart     chart
	Modes     []modeRow
	Grounded  int // percent of answers
	Top       []topRow
	Gaps      []gapRow
	Retention int // days
	Export    string
	Approved  string // the approved answers' list
	Tickets   records.TicketStats
	Median    string // median time to answer a ticket, in words
	TicketURL string // the tickets' list
	Province  bool   // the user may pick the commune
}

type modeRow struct {
	Mode, Label string
	Count       int
	Percent     int
}

type topRow struct {
	Title string
	Count int
}

// gapRow is a question answered badly, with the link that writes its
// approved answer.
type gapRow struct {
	records.Gap
	CommuneName string
	Write       string
	// Covered says an approved answer now covers the question; Answered
	// links to it when the user may edit it.
	Covered  bool
	Answered string
}

// modeLabels names the answer modes for officers.
var modeLabels = []struct{ mode, label string }{
	{"llm", "Mô hình ngôn ngữ (LLM)"},
	{"extractive", "Trích từ tài liệu"},
	{"approved", "Câu trả lời đã duyệt"},
}

// handleDashboard shows what residents asked over the last 30 days, for
// one commune or (province administrators) the whole province, marking
// the questions an approved answer now covers.
func (s *Server) handleDashboard(c *gin.Context) {
	slug, ok := s.adminCommune(c, c.Query("commune"), true)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	today := s.site.now().In(vietnam)
	y, m, d := today.Date()
	from := time.Date(y, m, d-(dashboardDays-1), 0, 0, 0, 0, vietnam)
	sum, err := s.admin.answers.Summarize(ctx, records.Range{Commune: slug, From: from}, vietnam, topProcedures, topGaps)
	if err != nil {
		s.failPage(c, err)
		return
	}
	p := dashboardPage{adminPage: s.adminPage(c, "Câu hỏi của người dân — "+s.communeName(slug)), Commune: slug,
		Name: s.communeName(slug), Sum: sum, Retention: s.retentionDays(), Province: adminUser(c).Province()}
	if p.Tickets, err = s.cfg.Records.TicketStats(ctx, records.Range{Commune: slug, From: from}); err != nil {
		s.failPage(c, err)
		return
	}
	p.Median = "—"
	if p.Tickets.Answered > 0 {
		p.Median = spanWords(p.Tickets.MedianReply)
	}
	p.TicketURL = "/admin/tickets"
	if slug != "" {
		p.TicketURL += "?commune=" + url.QueryEscape(slug)
	}
	counts := map[string]int{}
	for _, d := range sum.Days {
		counts[d.Day] = d.Count
	}
	p.Chart = chart{ID: "questions", Title: "Câu hỏi mỗi ngày, 30 ngày qua — " + p.Name, Unit: "câu hỏi", Points: daySeries(counts, today, dashboardDays)}
	if sum.Total > 0 {
		p.Grounded = 100 * sum.Grounded / sum.Total
	}
	for _, m := range modeLabels {
		row := modeRow{Mode: m.mode, Label: m.label, Count: sum.ByMode[m.mode]}
		if sum.Total > 0 {
			row.Percent = 100 * row.Count / sum.Total
		}
		p.Modes = append(p.Modes, row)
	}
	for _, sc := range sum.TopSources {
		p.Top = append(p.Top, topRow{Title: s.sourceTitle(c, sc.ID), Count: sc.Count})
	}
	if p.Gaps, err = s.gapRows(c, slug, sum.Gaps); err != nil {
		s.failPage(c, err)
		return
	}
	exp := url.Values{"from": {from.Format("2006-01-02")}, "to": {today.Format("2006-01-02")}}
	if slug != "" {
		exp.Set("commune", slug)
	}
	p.Export = "/admin/export.csv?" + exp.Encode()
	p.Approved = "/admin/approved"
	if slug != "" {
		p.Approved += "?commune=" + url.QueryEscape(slug)
	}
	s.renderAdmin(c, http.StatusOK, "admin_dashboard.html", p)
}

// gapRows are the unanswered questions of the dashboard of slug ("" for
// the province), each with the approved answer that now covers it, if
// any, and a link to write one.
func (s *Server) gapRows(c *gin.Context, slug string, gaps []records.Gap) ([]gapRow, error) {
	var rows []gapRow
	approved := map[string][]records.ApprovedAnswer{} // by commune asked in
	for _, g := range gaps {
		q := url.Values{"q": {g.Question}}
		if slug != "" { // the province's own list writes province-wide answers
			q.Set("commune", slug)
		}
		row := gapRow{Gap: g, CommuneName: s.communeName(g.Commune), Write: "/admin/approved/new?" + q.Encode()}
		list, ok := approved[g.Commune]
		if !ok {
			var err error
			if list, err = s.admin.approved.ApprovedAnswers(c.Request.Context(), g.Commune); err != nil {
				return nil, err
			}
			approved[g.Commune] = list
		}
		if a, ok := s.admin.matcher.Match(g.Question, g.Commune, list); ok {
			row.Covered = true
			if s.mayCommune(c, a.Commune) {
				row.Answered = "/admin/approved/" + strconv.FormatInt(a.ID, 10)
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// sourceTitle names a cited source: a document's title, or the approved
// answer it was.
func (s *Server) sourceTitle(c *gin.Context, id string) string {
	if n, ok := strings.CutPrefix(id, "approved-"); ok {
		return fmt.Sprintf("Câu trả lời đã duyệt số %s", n)
	}
	if id == "places" {
		return "Danh mục đơn vị hành chính sau sắp xếp"
	}
	d, err := s.cfg.Knowledge.Document(c.Request.Context(), id)
	if err != nil {
		return id + " (đã xoá)"
	}
	return d.Title
}

// spanWords says a duration as officers read it: "dưới 1 phút", "45
// phút", "3 giờ 20 phút", "2 ngày 4 giờ".
func spanWords(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "dưới 1 phút"
	case d < time.Hour:
		return fmt.Sprintf("%d phút", int(d.Minutes()))
	case d < 24*time.Hour:
		h, m := int(d.Hours()), int(d.Minutes())%60
		if m == 0 {
			return fmt.Sprintf("%d giờ", h)
		}
		return fmt.Sprintf("%d giờ %d phút", h, m)
	}
	days, h := int(d.Hours())/24, int(d.Hours())%24
	if h == 0 {
		return fmt.Sprintf("%d ngày", days)
	}
	return fmt.Sprintf("%d ngày %d giờ", days, h)
}
