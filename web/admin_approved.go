package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/records"
)

// approvedPage is the data of admin_approved.html: the list of approved
// answers, or the form of one.
type approvedPage struct {
	adminPage
	Commune  string // the list's commune; "" all (province) or own and province-wide (officer)
	List     []approvedRow
	Form     *approvedForm
	Province bool
	Picks    []communePick // communes a name typed in the form may mean
}

type approvedRow struct {
	records.ApprovedAnswer
	CommuneName string
	Editable    bool
}

// approvedForm is the form of a new or existing approved answer.
type approvedForm struct {
	ID                              int64
	Commune, CommuneName            string
	Question, Answer, Notes, Action string
	Wordings                        string // other wordings, one a line
	Typed                           string // the commune field as shown
}

// formWordings reads the other wordings of a question, one a line.
func formWordings(c *gin.Context) []string { return strings.Split(c.PostForm("wordings"), "\n") }

// handleApprovedList lists the approved answers the user can see: an
// officer's own commune's (editable) and the province-wide ones.
func (s *Server) handleApprovedList(c *gin.Context) {
	slug, ok := s.adminCommune(c, c.Query("commune"), true)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	st := s.admin.approved
	var list []records.ApprovedAnswer
	var err error
	if slug == "" {
		list, err = st.AllApproved(ctx)
	} else {
		list, err = st.ApprovedAnswers(ctx, slug)
	}
	if err != nil {
		s.failPage(c, err)
		return
	}
	p := approvedPage{adminPage: s.adminPage(c, "Câu trả lời đã duyệt — "+s.communeName(slug)), Commune: slug,
		Province: adminUser(c).Province()}
	for _, a := range list {
		p.List = append(p.List, approvedRow{ApprovedAnswer: a, CommuneName: s.communeName(a.Commune), Editable: s.mayCommune(c, a.Commune)})
	}
	s.renderAdmin(c, http.StatusOK, "admin_approved.html", p)
}

// handleApprovedNew shows the form of a new approved answer, its question
// pre-filled from ?q= (the dashboard's "Viết câu trả lời").
func (s *Server) handleApprovedNew(c *gin.Context) {
	slug, ok := s.adminCommune(c, c.Query("commune"), true)
	if !ok {
		return
	}
	f := &approvedForm{Commune: slug, CommuneName: s.communeName(slug), Question: c.Query("q"), Action: "/admin/approved/new",
		Typed: s.admin.communeValue(slug)}
	s.approvedForm(c, http.StatusOK, f, "")
}

// handleApprovedCreate stores a new approved answer.
func (s *Server) handleApprovedCreate(c *gin.Context) {
	typed := c.PostForm("commune")
	resolved, msg, offer := s.postedCommune(typed)
	if msg != "" {
		f := &approvedForm{Question: c.PostForm("question"), Wordings: c.PostForm("wordings"), Answer: c.PostForm("answer"),
			Notes: c.PostForm("notes"), Action: "/admin/approved/new", Typed: typed}
		s.approvedFormPick(c, http.StatusBadRequest, f, msg, offer)
		return
	}
	slug, ok := s.adminCommune(c, resolved, true)
	if !ok {
		return
	}
	a := records.ApprovedAnswer{Commune: slug, Question: c.PostForm("question"), Wordings: formWordings(c), Answer: c.PostForm("answer"),
		Notes: c.PostForm("notes"), CreatedBy: adminUser(c).Name}
	s.saveApproved(c, a, "/admin/approved/new")
}

// handleApprovedPage shows the form of an existing approved answer.
func (s *Server) handleApprovedPage(c *gin.Context) {
	a, ok := s.approvedOf(c)
	if !ok {
		return
	}
	f := &approvedForm{ID: a.ID, Commune: a.Commune, CommuneName: s.communeName(a.Commune), Question: a.Question,
		Wordings: strings.Join(a.Wordings, "\n"), Answer: a.Answer, Notes: a.Notes, Action: "/admin/approved/" + strconv.FormatInt(a.ID, 10)}
	s.approvedForm(c, http.StatusOK, f, "")
}

// handleApprovedSave replaces an approved answer's question and answer.
func (s *Server) handleApprovedSave(c *gin.Context) {
	a, ok := s.approvedOf(c)
	if !ok {
		return
	}
	a.Question, a.Wordings, a.Answer, a.Notes = c.PostForm("question"), formWordings(c), c.PostForm("answer"), c.PostForm("notes")
	s.saveApproved(c, a, "/admin/approved/"+strconv.FormatInt(a.ID, 10))
}

// handleApprovedDelete removes an approved answer.
func (s *Server) handleApprovedDelete(c *gin.Context) {
	a, ok := s.approvedOf(c)
	if !ok {
		return
	}
	if err := s.admin.approved.DeleteApproved(c.Request.Context(), a.ID); err != nil {
		s.failPage(c, err)
		return
	}
	seeOther(c, approvedListURL(a.Commune), "Đã xoá câu trả lời.")
}

// approvedOf loads the approved answer of the :id parameter, if the user
// may act on its commune; otherwise it writes the 403 or 404 page.
func (s *Server) approvedOf(c *gin.Context) (records.ApprovedAnswer, bool) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		s.failPage(c, errNoApproved)
		return records.ApprovedAnswer{}, false
	}
	a, err := s.admin.approved.Approved(c.Request.Context(), id)
	if err != nil {
		s.failPage(c, err)
		return a, false
	}
	if !s.mayCommune(c, a.Commune) {
		s.forbid(c)
		return a, false
	}
	return a, true
}

// saveApproved stores a and goes back to the list, or shows the form
// again with the refusal.
func (s *Server) saveApproved(c *gin.Context, a records.ApprovedAnswer, action string) {
	saved, err := s.admin.approved.SaveApproved(c.Request.Context(), a)
	if err == nil {
		seeOther(c, approvedListURL(saved.Commune), "Đã lưu câu trả lời. Từ giờ câu hỏi này và những câu hỏi gần giống được trả lời bằng nội dung này.")
		return
	}
	msg, ok := inputMessage(err)
	if !ok {
		s.failPage(c, err)
		return
	}
	f := &approvedForm{ID: a.ID, Commune: a.Commune, CommuneName: s.communeName(a.Commune), Question: a.Question,
		Wordings: strings.Join(a.Wordings, "\n"), Answer: a.Answer, Notes: a.Notes, Action: action}
	s.approvedForm(c, http.StatusBadRequest, f, msg)
}

func (s *Server) approvedForm(c *gin.Context, status int, f *approvedForm, errMsg string) {
	s.approvedFormPick(c, status, f, errMsg, nil)
}

// approvedFormPick is approvedForm with the communes a name typed in the
// form may mean.
func (s *Server) approvedFormPick(c *gin.Context, status int, f *approvedForm, errMsg string, offer []communePick) {
	title := "Viết câu trả lời"
	if f.ID != 0 {
		title = "Sửa câu trả lời"
	}
	if f.Typed == "" {
		f.Typed = s.admin.communeValue(f.Commune)
	}
	p := approvedPage{adminPage: s.adminPage(c, title), Commune: f.Commune, Form: f, Province: adminUser(c).Province(), Picks: offer}
	p.Error = errMsg
	s.renderAdmin(c, status, "admin_approved.html", p)
}

func approvedListURL(commune string) string {
	if commune == "" {
		return "/admin/approved"
	}
	return "/admin/approved?commune=" + url.QueryEscape(commune)
}

// ApprovedAnswers is what the approved-answer pages and the dashboard
// need of the answers administrators wrote.
type ApprovedAnswers interface {
	SaveApproved(ctx context.Context, a records.ApprovedAnswer) (records.ApprovedAnswer, error)
	Approved(ctx context.Context, id int64) (records.ApprovedAnswer, error)
	ApprovedAnswers(ctx context.Context, commune string) ([]records.ApprovedAnswer, error)
	AllApproved(ctx context.Context) ([]records.ApprovedAnswer, error)
	DeleteApproved(ctx context.Context, id int64) error
}
