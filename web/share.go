package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/portal"
)

// answerID is the form of an answer's id (chatbot.newID): the time in
// milliseconds, 12 hex digits, then 64 random bits, 16 hex digits. The
// random half makes a share link unguessable, so the masked questions of
// other residents cannot be read by counting.
var answerID = regexp.MustCompile(`^[0-9a-f]{28}$`)

// answerTime is when the answer of a well-formed id was given.
func answerTime(id string) time.Time {
	ms, err := strconv.ParseInt(id[:12], 16, 64)
	if err != nil {
		return time.Time{}
	}
	return time.UnixMilli(ms)
}

// sharePage is the data of share.html: one answer as anyone with its
// link sees it, or why it cannot be shown.
type sharePage struct {
	pageBase
	C       records.CommuneInfo // Slug "" when asked without a commune
	Found   bool
	Gone    string // why not found, when not
	Q, A    string
	Date    string
	Sources []shareSource
	OGTitle string
	OGDesc  string
	OGURL   string
}

// shareSource is one source under a shared answer.
type shareSource struct{ Title, URL string }

// handleSharePage serves GET /a/{id}: the question (masked, as it was
// stored), the answer, its sources and the date, without JavaScript.
// Only a grounded answer is shown: one that says it does not know has
// nothing worth passing on, and its question is more often personal.
func (s *Server) handleSharePage(c *gin.Context) {
	id, lang := c.Param("id"), pageLang(c.Query("lang"))
	p := &sharePage{pageBase: newPageBase(lang, "/a/"+id, "share")}
	if !answerID.MatchString(id) {
		p.Gone = p.T["share_unknown"]
		s.render(c, http.StatusNotFound, "share.html", p)
		return
	}
	r, err := s.cfg.Records.Answer(c.Request.Context(), id)
	switch {
	case errors.Is(err, records.ErrNotFound) && answerTime(id).Before(s.site.now().AddDate(0, 0, -s.retentionDays())):
		p.Gone = strings.ReplaceAll(p.T["share_purged"], "%d", strconv.Itoa(s.retentionDays()))
	case errors.Is(err, records.ErrNotFound):
		p.Gone = p.T["share_unknown"]
	case err != nil:
		s.log.Error("share page", slog.Any("error", err))
		p.Gone = p.T["error"]
		s.render(c, http.StatusInternalServerError, "share.html", p)
		return
	case !r.Grounded:
		p.Gone = p.T["share_unshared"]
	}
	if p.Gone != "" {
		s.render(c, http.StatusNotFound, "share.html", p)
		return
	}
	p.Found, p.Q, p.A = true, r.Question, r.Answer
	p.C, _ = s.site.communes.Lookup(r.Commune)
	p.Date = r.Created.In(vietnam).Format("02/01/2006")
	p.Sources = s.shareSources(c.Request.Context(), r.Sources, lang)
	p.OGTitle = clipText(r.Question, 90)
	p.OGDesc = clipText(strings.Join(strings.Fields(r.Answer), " "), 200)
	if s.cfg.BaseURL != "" {
		p.OGURL = strings.TrimRight(s.cfg.BaseURL, "/") + "/a/" + id
	}
	s.render(c, http.StatusOK, "share.html", p)
}

// shareSources names the sources of a record: a document by its title
// and page, the commune's details by its chat page, an approved answer
// as the office's own. A source since deleted is left out.
func (s *Server) shareSources(ctx context.Context, ids []string, lang string) []shareSource {
	t := texts[lang]
	var out []shareSource
	for _, id := range ids {
		switch {
		case strings.HasPrefix(id, "office:"):
			if ci, ok := s.site.communes.Lookup(strings.TrimPrefix(id, "office:")); ok {
				out = append(out, shareSource{Title: t["office_details"] + " " + ci.Name, URL: "/x/" + ci.Slug})
			}
		case strings.HasPrefix(id, "approved-"):
			out = append(out, shareSource{Title: t["approved_source"]})
		case id == "places":
			out = append(out, shareSource{Title: t["places_source"]})
		default:
			d, err := s.cfg.Knowledge.Document(ctx, id)
			if err != nil {
				continue
			}
			out = append(out, docSource(d))
		}
	}
	return out
}

// docSource names a document: an official record by its title and its
// page on the portal; a commune's upload by its title, personal numbers
// masked, as its card does.
func docSource(d knowledge.Document) shareSource {
	src := shareSource{Title: d.Title, URL: safeURL(d.URL)}
	if d.Procedure != nil && src.URL == "" {
		src.URL = safeURL(d.Procedure.SourceURL)
	}
	if !strings.HasPrefix(d.ID, portal.IDPrefix) {
		src.Title, _ = chatbot.Mask(d.Title)
	}
	return src
}

// clipText cuts s to at most n characters, at a word, with "…".
func clipText(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > len(string(r))/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}
