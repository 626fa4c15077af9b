package web

import (
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/internal/records"
)

// The chat page without JavaScript answers a form with a redirect to
// /x/{commune}?a={id} (post/redirect/get), so that a reload shows the
// answer again instead of asking the question twice; the feedback
// buttons under it are a form too.

const (
	// keptTurns bounds the turns kept for the page a form redirects to.
	keptTurns = 1024
	// keepTurnFor is how long a turn keeps its full cards; later, or on
	// another replica, the page reads the answer record.
	keepTurnFor = 30 * time.Minute
)

// turnCache keeps the turns the form answered, with their cards, for the
// page it redirects to: the answer record keeps only the sources' ids.
type turnCache struct {
	mu    sync.Mutex
	turns map[string]keptTurn
	order []string // ids, oldest first
}

type keptTurn struct {
	commune, poster string
	turn            pageTurn
	at              time.Time
}

func newTurnCache() *turnCache { return &turnCache{turns: map[string]keptTurn{}} }

func (tc *turnCache) put(id string, k keptTurn) {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	if len(tc.order) >= keptTurns {
		delete(tc.turns, tc.order[0])
		tc.order = tc.order[1:]
	}
	tc.turns[id] = k
	tc.order = append(tc.order, id)
}

func (tc *turnCache) get(id string, now time.Time) (keptTurn, bool) {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	k, ok := tc.turns[id]
	return k, ok && now.Sub(k.at) < keepTurnFor
}

// answerURL is the chat page showing answer id.
func answerURL(slug, id, lang string, extra ...string) string {
	v := url.Values{"a": {id}}
	if lang == "en" {
		v.Set("lang", "en")
	}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return "/x/" + slug + "?" + v.Encode()
}

// answered keeps the form's answer and redirects to the page that shows
// it. The question is shown masked, as it was stored: the address may be
// copied and passed on.
func (s *Server) answered(c *gin.Context, slug, poster, lang, q string, ans chatbot.Reply) {
	turn := newPageTurn(q, ans)
	turn.Q, _ = chatbot.Mask(q)
	s.site.turns.put(ans.ID, keptTurn{commune: slug, poster: poster, turn: *turn, at: s.site.now()})
	c.Redirect(http.StatusSeeOther, answerURL(slug, ans.ID, lang))
}

// showTurn puts answer id of the commune on the page: the kept turn, else
// the answer record with its sources by title, else a word that it is
// gone.
func (s *Server) showTurn(c *gin.Context, p *chatPage, id string) {
	if k, ok := s.site.turns.get(id, s.site.now()); ok && k.commune == p.C.Slug {
		t := k.turn
		p.Turn, p.Poster = &t, k.poster
	} else if t, poster, ok := s.recordedTurn(c, p, id); ok {
		p.Turn, p.Poster = &t, poster
	} else {
		p.Error = p.T["answer_gone"]
		return
	}
	if fb := c.Query("fb"); fb == "1" || fb == "0" {
		p.Turn.Helpful = fb
	}
}

// recordedTurn reads answer id of the page's commune from the records,
// its sources named by title.
func (s *Server) recordedTurn(c *gin.Context, p *chatPage, id string) (pageTurn, string, bool) {
	if !answerID.MatchString(id) {
		return pageTurn{}, "", false
	}
	ctx := c.Request.Context()
	r, err := s.cfg.Records.Answer(ctx, id)
	if err != nil {
		if !errors.Is(err, records.ErrNotFound) {
			s.log.Error("answer record", slog.Any("error", err))
		}
		return pageTurn{}, "", false
	}
	if r.Commune != p.C.Slug {
		return pageTurn{}, "", false
	}
	t := pageTurn{ID: r.ID, Grounded: r.Grounded, Q: r.Question, A: r.Answer}
	for _, src := range s.shareSources(ctx, r.Sources, p.Lang) {
		t.Cards = append(t.Cards, card{Title: src.Title, URL: src.URL})
	}
	return t, s.knownPoster(ctx, p.C.Slug, r.Poster), true
}

// handleFormFeedback stores the verdict of the feedback buttons under an
// answer on the page without JavaScript, then shows the answer again.
func (s *Server) handleFormFeedback(c *gin.Context, info records.CommuneInfo) {
	id, helpful, lang := c.PostForm("a"), c.PostForm("helpful"), pageLang(c.PostForm("lang"))
	if !answerID.MatchString(id) || (helpful != "1" && helpful != "0") {
		p := s.newChatPage(c, info, lang)
		p.Error = p.T["error"]
		s.render(c, http.StatusBadRequest, "chat.html", p)
		return
	}
	if err := s.cfg.Records.Feedback(c.Request.Context(), id, helpful == "1", ""); err != nil {
		p := s.newChatPage(c, info, lang)
		p.Error = p.T["answer_gone"]
		status := http.StatusNotFound
		if !errors.Is(err, records.ErrNotFound) {
			s.log.Error("feedback form", slog.Any("error", err))
			p.Error, status = p.T["error"], http.StatusInternalServerError
		}
		s.render(c, status, "chat.html", p)
		return
	}
	c.Redirect(http.StatusSeeOther, answerURL(info.Slug, id, lang, "fb", helpful))
}
