package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/vntime"
	"github.com/hoidap/hoidap/knowledge"
)

//go:embed templates/*.html
var templateFS embed.FS

// vietnam is the zone days are counted in: a day is a Vietnamese day.
var vietnam = vntime.Zone

// site is what the residents' pages need beyond the API: parsed
// templates, hashed assets, the commune directory and the speech-to-text
// client (nil when not configured).
type site struct {
	pages    map[string]*template.Template
	assets   *assets
	communes Communes
	posters  Posters   // the poster of a ?p= link, and its scans
	feedback AnswerLog // residents' feedback on answers
	now      func() time.Time
	turns    *turnCache // answers of the form without JavaScript, for the page it redirects to
}

func newSite(cfg Config) (*site, error) {
	a, err := newAssets()
	if err != nil {
		return nil, err
	}
	st := &site{assets: a, communes: cfg.Communes, posters: cfg.Records, feedback: cfg.Records,
		pages: map[string]*template.Template{}, now: time.Now, turns: newTurnCache()}
	funcs := template.FuncMap{"asset": a.URL, "dict": cardData, "tel": telHref, "safeURL": safeURL}
	for _, page := range []string{"chat.html", "landing.html", "poster.html", "notfound.html", "share.html", "ask_office.html", "ticket.html"} {
		// A broken template fails the boot, not a resident's request.
		st.pages[page] = template.Must(template.New(page).Funcs(funcs).ParseFS(templateFS, "templates/base.html", "templates/"+page))
	}
	return st, nil
}

// cardData pairs the page's strings with a card, for the "card" template.
func cardData(t map[string]string, c card) map[string]any { return map[string]any{"T": t, "C": c} }

// telHref keeps the digits of a phone number for a tel: link.
func telHref(phone string) template.URL {
	var b strings.Builder
	for _, r := range phone {
		if (r >= '0' && r <= '9') || (r == '+' && b.Len() == 0) {
			b.WriteRune(r)
		}
	}
	return template.URL("tel:" + b.String()) // digits only: safe
}

// render writes a page, gzipped when the client accepts it.
func (s *Server) render(c *gin.Context, status int, page string, data any) {
	var buf bytes.Buffer
	if err := s.site.pages[page].ExecuteTemplate(&buf, "base", data); err != nil {
		s.log.Error("render", slog.String("page", page), slog.Any("error", err))
		c.String(http.StatusInternalServerError, "Lỗi hệ thống, vui lòng thử lại sau. (Internal error)")
		return
	}
	c.Header("Cache-Control", "no-store")
	writeBody(c, status, "text/html; charset=utf-8", buf.Bytes(), nil)
}

// pageBase is what every page template reads.
type pageBase struct {
	Lang      string
	T         map[string]string
	OtherURL  string // the same page in the other language
	PageClass string
}

func newPageBase(lang, path, class string) pageBase {
	other := "?lang=en"
	if lang == "en" {
		other = "?lang=vi"
	}
	return pageBase{Lang: lang, T: texts[lang], OtherURL: path + other, PageClass: class}
}

// chatPage is the data of chat.html.
type chatPage struct {
	pageBase
	C       records.CommuneInfo
	Office  bool // address, hours or hotline filled in
	Poster  string
	STT     bool
	JS      map[string]string
	Suggest []suggestion
	Turn    *pageTurn
	Error   string
	Session string
}

type suggestion struct{ Label, Q string }

// pageTurn is one question and its answer, rendered without JavaScript.
type pageTurn struct {
	ID       string // the answer's id, for feedback and the share link
	Grounded bool   // only a grounded answer is shared
	Helpful  string // "1" or "0" once the resident said so
	Q, A     string
	Cards    []card
}

func (s *Server) newChatPage(c *gin.Context, info records.CommuneInfo, lang string) *chatPage {
	p := &chatPage{
		pageBase: newPageBase(lang, "/x/"+info.Slug, "chat"),
		C:        info, Office: info.Address != "" || info.Hours != "" || info.Hotline != "",
		STT: s.cfg.Speech != nil, JS: jsTexts(lang),
	}
	for _, sg := range suggestions {
		label := sg.vi
		if lang == "en" {
			label = sg.en
		}
		p.Suggest = append(p.Suggest, suggestion{Label: label, Q: sg.vi})
	}
	return p
}

// knownPoster returns id when it is a poster of commune, else "": only a
// poster an officer made is counted or recorded, never free text.
func (s *Server) knownPoster(ctx context.Context, commune, id string) string {
	if id == "" || !ValidPoster(id) {
		return ""
	}
	if _, err := s.site.posters.Poster(ctx, commune, id); err != nil {
		if !errors.Is(err, knowledge.ErrNotFound) {
			s.log.Error("poster", slog.String("commune", commune), slog.Any("error", err))
		}
		return ""
	}
	return id
}

// handleChatPage serves GET /x/{commune}; ?p= counts a poster scan, once
// per browser and day; ?a= shows an answer the form gave.
func (s *Server) handleChatPage(c *gin.Context) {
	info, ok := s.site.communes.Lookup(c.Param("commune"))
	if !ok {
		s.notFound(c)
		return
	}
	p := s.newChatPage(c, info, pageLang(c.Query("lang")))
	if poster := s.knownPoster(c.Request.Context(), info.Slug, c.Query("p")); poster != "" {
		p.Poster = poster
		s.countScan(c, info.Slug, poster)
	}
	if id := c.Query("a"); id != "" {
		s.showTurn(c, p, id)
	}
	s.render(c, http.StatusOK, "chat.html", p)
}

// handleChatPost answers the chat form without JavaScript: POST
// /x/{commune} with field q (or s, a suggested question), redirecting to
// the page that shows the answer; with field a, the feedback buttons.
func (s *Server) handleChatPost(c *gin.Context) {
	info, ok := s.site.communes.Lookup(c.Param("commune"))
	if !ok {
		s.notFound(c)
		return
	}
	if c.PostForm("a") != "" {
		s.handleFormFeedback(c, info)
		return
	}
	lang := pageLang(c.PostForm("lang"))
	p := s.newChatPage(c, info, lang)
	p.Poster = s.knownPoster(c.Request.Context(), info.Slug, c.PostForm("p"))
	q := strings.TrimSpace(c.PostForm("s"))
	if q == "" {
		q = strings.TrimSpace(c.PostForm("q"))
	}
	switch {
	case q == "":
		p.Error = p.T["empty"]
		s.render(c, http.StatusBadRequest, "chat.html", p)
		return
	case utf8.RuneCountInString(q) > chatbot.MaxQuestion:
		p.Error = p.T["too_long"]
		s.render(c, http.StatusBadRequest, "chat.html", p)
		return
	}
	if s.cfg.Bot == nil {
		p.Error = p.T["error"]
		s.render(c, http.StatusServiceUnavailable, "chat.html", p)
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), askDeadline)
	defer cancel()
	// The same bot as POST /api/v1/ask, without a session: a page without
	// JavaScript keeps no conversation.
	ans, err := s.cfg.Bot.Reply(ctx, chatbot.Question{Text: q, Commune: info.Slug, Poster: p.Poster, Lang: lang})
	if err != nil {
		if msg, ok := inputMessage(askError(err)); ok {
			p.Error = msg
		} else {
			s.log.Error("answer form", slog.String("commune", info.Slug), slog.Any("error", err))
			p.Error = p.T["error"]
		}
		s.render(c, http.StatusOK, "chat.html", p)
		return
	}
	s.answered(c, info.Slug, p.Poster, lang, q, ans)
}

// newPageTurn is the question and its answer as the page shows them, one
// card a cited document.
func newPageTurn(q string, ans chatbot.Reply) *pageTurn {
	turn := &pageTurn{ID: ans.ID, Grounded: ans.Grounded, Q: q, A: ans.Answer}
	seen := map[string]bool{}
	for _, src := range ans.Sources {
		cd := newCard(src)
		if !seen[cd.ID] {
			seen[cd.ID] = true
			turn.Cards = append(turn.Cards, cd)
		}
	}
	return turn
}

// notFound serves the 404 page, with a way to find the right commune.
func (s *Server) notFound(c *gin.Context) {
	if strings.HasPrefix(c.Request.URL.Path, "/api/") {
		c.JSON(http.StatusNotFound, gin.H{"error": "Không tìm thấy. (Not found)"})
		return
	}
	lang := pageLang(c.Query("lang"))
	s.render(c, http.StatusNotFound, "notfound.html", newPageBase(lang, "/", "notfound"))
}
