package web

import (
	"context"
	"net/http"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/records"
)

// handleCommunes answers GET /api/v1/communes?q=&limit=.
func (s *Server) handleCommunes(c *gin.Context) {
	q := c.Query("q")
	if utf8.RuneCountInString(q) > 100 {
		s.fail(c, badRequest("Tên quá dài, tối đa 100 ký tự. (Name too long: 100 characters at most)"))
		return
	}
	c.Header("Cache-Control", "public, max-age=3600")
	c.JSON(http.StatusOK, gin.H{"results": s.site.communes.Find(q, 10)})
}

// Communes is the one lookup of communes: the details administrators
// stored over the demo commune and the national directory.
type Communes interface {
	Lookup(slug string) (records.CommuneInfo, bool)
	Find(q string, limit int) []records.CommuneMatch
	Match(slug string) records.CommuneMatch
	Saved(slug string) (records.CommuneDetails, bool)
	Save(ctx context.Context, d records.CommuneDetails) (records.CommuneDetails, error)
	Create(ctx context.Context, d records.CommuneDetails) (records.CommuneDetails, error)
	Stored(ctx context.Context) ([]records.CommuneDetails, error)
}
