package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/internal/records"
)

// A resident whose question the service cannot answer leaves it for the
// commune office (issue 17): a small form on its own page, linked from
// every answer, so the chat page stays small; no account, a private link
// /t/{token} where the reply appears. The form works without JavaScript
// (post, then a 303 to the private link); app.js keeps the links a
// browser was given.

// Tickets is what the residents' and officers' pages need of the
// questions left for the office.
type Tickets interface {
	CreateTicket(ctx context.Context, t records.Ticket) (records.Ticket, error)
	TicketByToken(ctx context.Context, token string) (records.Ticket, error)
	Ticket(ctx context.Context, id int64) (records.Ticket, error)
	Tickets(ctx context.Context, commune string) ([]records.Ticket, error)
	ReplyTicket(ctx context.Context, id int64, reply, by string) (records.Ticket, error)
	MarkTicketApproved(ctx context.Context, id, approvedID int64) error
	TicketStats(ctx context.Context, r records.Range) (records.TicketStats, error)
}

// askOfficePage is the data of ask_office.html: the form that leaves a
// question for the office.
type askOfficePage struct {
	pageBase
	C                        records.CommuneInfo
	Q, Name, Phone, AnswerID string
	Consent                  string
	Error                    string
}

// askOfficePath is the form's address for a commune.
func askOfficePath(slug string) string { return "/x/" + slug + "/hoi-can-bo" }

func (s *Server) newAskOfficePage(info records.CommuneInfo, lang string) *askOfficePage {
	p := &askOfficePage{pageBase: newPageBase(lang, askOfficePath(info.Slug), "ask-office"), C: info}
	p.Consent = strings.NewReplacer("%s", info.Name, "%d", strconv.Itoa(s.retentionDays())).Replace(p.T["ticket_consent"])
	return p
}

// handleAskOfficePage serves GET /x/{commune}/hoi-can-bo: the form, its
// question pre-filled from ?q=, else from the answer ?a= (masked, as it
// was stored).
func (s *Server) handleAskOfficePage(c *gin.Context) {
	info, ok := s.site.communes.Lookup(c.Param("commune"))
	if !ok {
		s.notFound(c)
		return
	}
	p := s.newAskOfficePage(info, pageLang(c.Query("lang")))
	p.Q = strings.TrimSpace(c.Query("q"))
	if id := c.Query("a"); answerID.MatchString(id) {
		p.AnswerID = id
		if p.Q == "" {
			p.Q = s.askedIn(c.Request.Context(), info.Slug, id)
		}
	}
	s.render(c, http.StatusOK, "ask_office.html", p)
}

// askedIn returns the question of answer id of the commune, masked: the
// form's kept turn, else the answer record; "" when neither is there.
func (s *Server) askedIn(ctx context.Context, slug, id string) string {
	if k, ok := s.site.turns.get(id, s.site.now()); ok && k.commune == slug {
		return k.turn.Q
	}
	r, err := s.cfg.Records.Answer(ctx, id)
	if err != nil {
		if !errors.Is(err, records.ErrNotFound) {
			s.log.Error("answer record", slog.Any("error", err))
		}
		return ""
	}
	if r.Commune != slug {
		return ""
	}
	return r.Question
}

// handleAskOffice serves POST /x/{commune}/hoi-can-bo: it leaves the
// question for the office and redirects to its private link.
func (s *Server) handleAskOffice(c *gin.Context) {
	info, ok := s.site.communes.Lookup(c.Param("commune"))
	if !ok {
		s.notFound(c)
		return
	}
	lang := pageLang(c.PostForm("lang"))
	q, _ := chatbot.Mask(c.PostForm("q"))
	t := records.Ticket{Commune: info.Slug, Question: q, Name: c.PostForm("name"), Phone: c.PostForm("phone")}
	if id := c.PostForm("a"); answerID.MatchString(id) {
		t.AnswerID = id
	}
	left, err := s.cfg.Records.CreateTicket(c.Request.Context(), t)
	if err != nil {
		p := s.newAskOfficePage(info, lang)
		p.Q, p.Name, p.Phone, p.AnswerID = c.PostForm("q"), c.PostForm("name"), c.PostForm("phone"), t.AnswerID
		status := http.StatusBadRequest
		if msg, ok := inputMessage(err); ok {
			p.Error = msg
		} else {
			s.log.Error("leave a question for the office", slog.String("commune", info.Slug), slog.Any("error", err))
			p.Error, status = p.T["error"], http.StatusInternalServerError
		}
		s.render(c, status, "ask_office.html", p)
		return
	}
	s.log.Info("question left for the office", slog.String("commune", info.Slug), slog.Int64("ticket", left.ID))
	c.Redirect(http.StatusSeeOther, newTicketURL(left.Token, lang))
}

// newTicketURL is the private link of a ticket just left, which says to
// keep it.
func newTicketURL(token, lang string) string {
	u := "/t/" + token + "?new=1"
	if lang == "en" {
		u += "&lang=en"
	}
	return u
}

// refuseTicket is the form again, saying how long to wait: too many
// questions left from one client.
func (s *Server) refuseTicket(c *gin.Context, status int, secs int) {
	info, ok := s.site.communes.Lookup(c.Param("commune"))
	if !ok {
		s.notFound(c)
		return
	}
	p := s.newAskOfficePage(info, pageLang(c.PostForm("lang")))
	p.Q, p.Name, p.Phone = c.PostForm("q"), c.PostForm("name"), c.PostForm("phone")
	p.Error = strings.ReplaceAll(p.T["ticket_too_many"], "%d", strconv.Itoa(secs))
	s.render(c, status, "ask_office.html", p)
}

// ticketPage is the data of ticket.html: what a resident reads at the
// private link.
type ticketPage struct {
	pageBase
	C        records.CommuneInfo
	Found    bool
	New      bool // just left: say to keep the link
	Open     bool
	Q, Reply string
	Asked    string
	Replied  string
	Phone    string // masked
	When     string // when the office usually answers
	Link     string // the private link, to copy
	Path     string // the private link's path, for app.js to keep
	Gone     string
}

// handleTicketPage serves GET /t/{token}: the question (masked), its
// status and the office's reply. No phone number is shown whole.
func (s *Server) handleTicketPage(c *gin.Context) {
	token, lang := c.Param("token"), pageLang(c.Query("lang"))
	p := &ticketPage{pageBase: newPageBase(lang, "/t/"+token, "ticket")}
	t, err := s.cfg.Records.TicketByToken(c.Request.Context(), token)
	switch {
	case errors.Is(err, records.ErrNotFound):
		p.Gone = strings.ReplaceAll(p.T["ticket_gone"], "%d", strconv.Itoa(s.retentionDays()))
		s.render(c, http.StatusNotFound, "ticket.html", p)
		return
	case err != nil:
		s.log.Error("ticket page", slog.Any("error", err))
		p.Gone = p.T["error"]
		s.render(c, http.StatusInternalServerError, "ticket.html", p)
		return
	}
	p.C, _ = s.site.communes.Lookup(t.Commune)
	p.Found, p.New, p.Open = true, c.Query("new") == "1", t.Open()
	p.Q, p.Reply, p.Phone = t.Question, t.Reply, maskPhone(t.Phone)
	p.Asked = t.Created.In(vietnam).Format("15:04 02/01/2006")
	if !t.Replied.IsZero() {
		p.Replied = t.Replied.In(vietnam).Format("15:04 02/01/2006")
	}
	p.When = p.T["ticket_when"]
	if p.C.Hours != "" {
		p.When = strings.ReplaceAll(p.T["ticket_when_hours"], "%s", p.C.Hours)
	}
	p.Path = "/t/" + token
	p.Link = strings.TrimRight(s.cfg.BaseURL, "/") + p.Path
	s.render(c, http.StatusOK, "ticket.html", p)
}

// maskPhone hides a phone number but its last three digits: "•••••••678".
func maskPhone(phone string) string {
	var digits []rune
	for _, r := range phone {
		if r >= '0' && r <= '9' {
			digits = append(digits, r)
		}
	}
	if len(digits) == 0 {
		return ""
	}
	keep := min(3, len(digits)/3)
	return strings.Repeat("•", len(digits)-keep) + string(digits[len(digits)-keep:])
}
