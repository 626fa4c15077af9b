package web

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/places"
)

// communes finds the commune behind a slug: the demo commune or one of
// the places directory. Office details of directory communes stay empty
// until administrators fill them in.
type communes struct {
	demo knowledge.CommuneInfo
	dir  *places.Directory
}

func newCommunes(dir *places.Directory) (*communes, error) {
	demo, err := knowledge.DemoCommune()
	if err != nil {
		return nil, err
	}
	if dir == nil {
		if dir, err = places.Load(); err != nil {
			return nil, err
		}
	}
	return &communes{demo: demo, dir: dir}, nil
}

// lookup returns the commune with the given slug.
func (cs *communes) lookup(slug string) (knowledge.CommuneInfo, bool) {
	if slug == cs.demo.Slug {
		return cs.demo, true
	}
	c, ok := cs.dir.Commune(slug)
	if !ok {
		return knowledge.CommuneInfo{}, false
	}
	info := knowledge.CommuneInfo{Slug: c.Slug, Name: c.FullName, Province: c.Province}
	for _, f := range cs.dir.FormerOf(slug) {
		info.Former = append(info.Former, f.FullName)
	}
	return info, true
}

// communeResult is one result of GET /api/v1/communes.
type communeResult struct {
	Slug     string   `json:"slug"`
	Name     string   `json:"name"`
	Province string   `json:"province"`
	Former   []string `json:"former"`
	// Matched is the former name the query matched, if it was not the
	// current one.
	Matched string `json:"matched,omitempty"`
}

// find returns up to limit communes whose new or former name matches q,
// with or without diacritics; the demo commune matches "demo" or "mẫu".
func (cs *communes) find(q string, limit int) []communeResult {
	q = strings.TrimSpace(q)
	out := []communeResult{}
	if q == "" {
		return out
	}
	if fq := strings.ToLower(q); fq == "demo" || strings.Contains(fq, "mẫu") || fq == "mau" || fq == "xa mau" {
		out = append(out, communeResult{Slug: cs.demo.Slug, Name: cs.demo.Name, Province: cs.demo.Province, Former: cs.demo.Former})
	}
	for _, m := range cs.dir.Find(q, limit) {
		if len(out) >= limit {
			break
		}
		r := communeResult{Slug: m.Commune.Slug, Name: m.Commune.FullName, Province: m.Commune.Province, Former: []string{}}
		for _, f := range cs.dir.FormerOf(m.Commune.Slug) {
			r.Former = append(r.Former, f.FullName)
		}
		if m.Former != nil {
			r.Matched = m.Former.FullName + ", " + m.Former.District + ", " + m.Former.Province
		}
		out = append(out, r)
	}
	return out
}

// handleCommunes answers GET /api/v1/communes?q=&limit=.
func (s *Server) handleCommunes(c *gin.Context) {
	q := c.Query("q")
	if utf8.RuneCountInString(q) > 100 {
		s.fail(c, badRequest{"Tên quá dài, tối đa 100 ký tự. (Name too long: 100 characters at most)"})
		return
	}
	c.Header("Cache-Control", "public, max-age=3600")
	c.JSON(http.StatusOK, gin.H{"results": s.site.communes.find(q, 10)})
}
