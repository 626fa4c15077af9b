package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/records"
)

// posterPage is the data of poster.html.
type posterPage struct {
	pageBase
	C       records.CommuneInfo
	Office  bool
	Poster  string
	URL     string // what the QR code encodes
	QR      string // the QR image's address
	Warning string // why phones cannot open URL, in Vietnamese; "" when they can
}

// handlePoster serves GET /poster/{commune}?p=: a printable A4 poster
// with the commune's QR code, for the browser's print dialog.
func (s *Server) handlePoster(c *gin.Context) {
	info, ok := s.site.communes.Lookup(c.Param("commune"))
	if !ok {
		s.notFound(c)
		return
	}
	poster := c.Query("p")
	if !ValidPoster(poster) {
		s.fail(c, errPosterID)
		return
	}
	lang := pageLang(c.Query("lang"))
	qr := s.qrURL(info.Slug, poster, "print")
	shown := poster
	if poster != "" { // a named poster shows its name, so the officer knows where it goes
		if p, err := s.site.posters.Poster(c.Request.Context(), info.Slug, poster); err == nil {
			shown = p.Name + " (" + poster + ")"
		}
	}
	s.render(c, http.StatusOK, "poster.html", posterPage{
		pageBase: newPageBase(lang, "/poster/"+info.Slug, "poster"),
		C:        info, Office: info.Address != "" || info.Hours != "" || info.Hotline != "",
		Poster: shown, URL: ChatURL(s.cfg.BaseURL, info.Slug, poster), QR: qr,
		Warning: baseURLProblemVI(s.cfg.BaseURL),
	})
}
