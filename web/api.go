package web

import (
	"context"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/knowledge"
)

type searchResult struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Section string  `json:"section"`
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
	URL     string  `json:"url"`
}

func (s *Server) handleSearch(c *gin.Context) {
	q := c.Query("q")
	if q == "" {
		s.fail(c, badRequest("Thiếu câu hỏi: tham số q. (Missing q)"))
		return
	}
	if utf8.RuneCountInString(q) > chatbot.MaxQuestion {
		s.fail(c, errQuestionTooLong)
		return
	}
	limit, err := strconv.Atoi(c.DefaultQuery("limit", "10"))
	if err != nil || limit < 1 || limit > 50 {
		s.fail(c, badRequest("limit phải từ 1 đến 50. (limit must be 1 to 50)"))
		return
	}
	hits, err := s.cfg.Knowledge.Search(c.Request.Context(), knowledge.Query{Text: q, Commune: c.Query("commune"), Limit: limit})
	if err != nil {
		s.fail(c, err)
		return
	}
	out := make([]searchResult, 0, len(hits))
	for _, h := range hits {
		out = append(out, searchResult{ID: h.PassageID, Title: h.Title, Section: h.Section, Snippet: h.Snippet, Score: h.Score, URL: h.URL})
	}
	s.writeJSON(c, http.StatusOK, gin.H{"results": out})
}

// Searcher finds documents for the search API, the answers' sources and
// the admin pages.
type Searcher interface {
	Search(ctx context.Context, q knowledge.Query) ([]knowledge.Hit, error)
	Document(ctx context.Context, id string) (knowledge.Document, error)
}
