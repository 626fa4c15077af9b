package web

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"github.com/hoidap/hoidap/internal/records"
)

// landingPage is the data of landing.html.
type landingPage struct {
	pageBase
	Q        string
	Results  []records.CommuneMatch
	Searched bool
}

// handleLanding serves GET /: find your commune by its new or former
// name, with or without diacritics. It works without JavaScript: the form
// sends ?q= back here.
func (s *Server) handleLanding(c *gin.Context) {
	lang := pageLang(c.Query("lang"))
	p := landingPage{pageBase: newPageBase(lang, "/", "landing")}
	p.Q = strings.TrimSpace(c.Query("q"))
	if utf8.RuneCountInString(p.Q) > 100 {
		p.Q = string([]rune(p.Q)[:100])
	}
	if p.Q != "" {
		p.Searched = true
		p.Results = s.site.communes.Find(p.Q, 20)
		if len(p.Results) == 1 && c.Query("go") == "1" {
			c.Redirect(http.StatusSeeOther, "/x/"+p.Results[0].Slug)
			return
		}
	}
	s.render(c, http.StatusOK, "landing.html", p)
}
