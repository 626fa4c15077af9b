package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/fault"
	"github.com/hoidap/hoidap/internal/records"
)

// Officers answer the questions residents left for their commune: a
// list (open first), a page with the resident's name and phone number
// and the reply form, and one click that makes the reply an approved
// answer. A phone number is shown whole only to the officers of the
// ticket's commune; province administrators see it masked.

// errNoTicket is a ticket id that is not a number.
var errNoTicket = fmt.Errorf("web: ticket: %w", fault.ErrNotFound)

// errNoReply refuses to approve a ticket the office has not answered.
var errNoReply = &fault.Error{Message: "Câu hỏi này chưa có câu trả lời: hãy trả lời trước, rồi mới dùng làm câu trả lời đã duyệt. (Reply first)"}

// ticketsPage is the data of admin_tickets.html: the list of tickets, or
// one of them.
type ticketsPage struct {
	adminPage
	Commune  string // the list's commune; "" all (province)
	Province bool
	Open     int
	List     []ticketRow
	One      *ticketRow
}

// ticketRow is a ticket as the user may see it: the phone number whole
// for the commune's officers, masked for anyone else.
type ticketRow struct {
	records.Ticket
	CommuneName string
	Phone       string
	Full        bool // Phone is whole: a tel: link
	Answer      string
	Approved    string // the approved answer made of the reply
}

func (s *Server) ticketRow(c *gin.Context, t records.Ticket) ticketRow {
	u := adminUser(c)
	row := ticketRow{Ticket: t, CommuneName: s.communeName(t.Commune), Phone: maskPhone(t.Phone)}
	if !u.Province() && u.Commune == t.Commune {
		row.Phone, row.Full = t.Phone, t.Phone != ""
	}
	if t.AnswerID != "" {
		row.Answer = answerURL(t.Commune, t.AnswerID, "vi")
	}
	if t.ApprovedID != 0 {
		row.Approved = "/admin/approved/" + strconv.FormatInt(t.ApprovedID, 10)
	}
	return row
}

// handleTicketList lists the questions left for the office: an
// officer's own commune's, or (province) one commune's or all.
func (s *Server) handleTicketList(c *gin.Context) {
	slug, ok := s.adminCommune(c, c.Query("commune"), true)
	if !ok {
		return
	}
	list, err := s.cfg.Records.Tickets(c.Request.Context(), slug)
	if err != nil {
		s.failPage(c, err)
		return
	}
	p := ticketsPage{adminPage: s.adminPage(c, "Câu hỏi gửi cán bộ xã — "+s.communeName(slug)), Commune: slug,
		Province: adminUser(c).Province()}
	for _, t := range list {
		if t.Open() {
			p.Open++
		}
		p.List = append(p.List, s.ticketRow(c, t))
	}
	s.renderAdmin(c, http.StatusOK, "admin_tickets.html", p)
}

// handleAdminTicket shows one ticket with its reply form.
func (s *Server) handleAdminTicket(c *gin.Context) {
	t, ok := s.ticketOf(c)
	if !ok {
		return
	}
	s.renderTicket(c, http.StatusOK, t, "", "")
}

func (s *Server) renderTicket(c *gin.Context, status int, t records.Ticket, reply, errMsg string) {
	row := s.ticketRow(c, t)
	if reply != "" {
		row.Reply = reply
	}
	p := ticketsPage{adminPage: s.adminPage(c, fmt.Sprintf("Câu hỏi số %d — %s", t.ID, row.CommuneName)), Commune: t.Commune, One: &row, Province: adminUser(c).Province()}
	p.Error = errMsg
	s.renderAdmin(c, status, "admin_tickets.html", p)
}

// handleTicketReply stores the office's reply, which the resident reads
// at the private link.
func (s *Server) handleTicketReply(c *gin.Context) {
	t, ok := s.ticketOf(c)
	if !ok {
		return
	}
	reply := c.PostForm("reply")
	saved, err := s.cfg.Records.ReplyTicket(c.Request.Context(), t.ID, reply, adminUser(c).Name)
	if err != nil {
		msg, ok := inputMessage(err)
		if !ok {
			s.failPage(c, err)
			return
		}
		s.renderTicket(c, http.StatusBadRequest, t, reply, msg)
		return
	}
	seeOther(c, ticketAdminURL(saved.ID), "Đã gửi câu trả lời. Người hỏi đọc được ở đường dẫn riêng của mình.")
}

// handleTicketApprove makes the ticket's question and reply an approved
// answer of its commune, so the next resident asking gets it; once.
func (s *Server) handleTicketApprove(c *gin.Context) {
	t, ok := s.ticketOf(c)
	if !ok {
		return
	}
	if t.ApprovedID != 0 {
		seeOther(c, "/admin/approved/"+strconv.FormatInt(t.ApprovedID, 10), "Câu trả lời này đã được duyệt từ trước.")
		return
	}
	if t.Open() {
		s.failPage(c, errNoReply)
		return
	}
	ctx := c.Request.Context()
	a, err := s.admin.approved.SaveApproved(ctx, records.ApprovedAnswer{Commune: t.Commune, Question: t.Question, Answer: t.Reply,
		Notes: fmt.Sprintf("Từ câu hỏi số %d người dân gửi cán bộ xã.", t.ID), CreatedBy: adminUser(c).Name})
	if err != nil {
		s.failPage(c, err)
		return
	}
	if err := s.cfg.Records.MarkTicketApproved(ctx, t.ID, a.ID); err != nil {
		s.failPage(c, err)
		return
	}
	seeOther(c, "/admin/approved/"+strconv.FormatInt(a.ID, 10),
		"Đã duyệt câu trả lời. Từ giờ câu hỏi này và những câu hỏi gần giống được trả lời bằng nội dung này.")
}

// ticketOf loads the ticket of the :id parameter if the user may act on
// its commune; otherwise it writes the 403 or 404 page.
func (s *Server) ticketOf(c *gin.Context) (records.Ticket, bool) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		s.failPage(c, errNoTicket)
		return records.Ticket{}, false
	}
	t, err := s.cfg.Records.Ticket(c.Request.Context(), id)
	if errors.Is(err, records.ErrNotFound) {
		s.failPage(c, errNoTicket)
		return t, false
	}
	if err != nil {
		s.failPage(c, err)
		return t, false
	}
	if !s.mayCommune(c, t.Commune) {
		s.forbid(c)
		return t, false
	}
	return t, true
}

func ticketAdminURL(id int64) string { return "/admin/tickets/" + strconv.FormatInt(id, 10) }
