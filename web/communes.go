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
	demo   knowledge.CommuneInfo
	dir    *places.Directory
	stored storedCommunes // what administrators saved, over the above
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

// lookup returns the commune with the given slug, with the details
// administrators saved over those of the directory.
func (cs *communes) lookup(slug string) (knowledge.CommuneInfo, bool) {
	info, ok := cs.builtIn(slug)
	d, saved := cs.stored.get(slug)
	switch {
	case saved:
		former := d.Former
		if len(former) == 0 {
			former = info.Former
		}
		info = d.CommuneInfo
		info.Former = former
		return info, true
	case ok:
		return info, true
	}
	return knowledge.CommuneInfo{}, false
}

// builtIn returns the commune of slug as the binary knows it: the demo
// commune or one of the directory.
func (cs *communes) builtIn(slug string) (knowledge.CommuneInfo, bool) {
	if slug == cs.demo.Slug {
		return cs.demo, true
	}
	c, ok := cs.dir.Commune(slug)
	if !ok {
		return knowledge.CommuneInfo{}, false
	}
	return knowledge.CommuneInfo{Slug: c.Slug, Name: c.FullName, Province: c.Province, Former: cs.directoryFormer(slug)}, true
}

// directoryFormer returns the full names of the former units merged into
// slug, as the directory has them.
func (cs *communes) directoryFormer(slug string) []string {
	var out []string
	for _, f := range cs.dir.FormerOf(slug) {
		out = append(out, f.FullName)
	}
	if slug == cs.demo.Slug {
		out = append(out, cs.demo.Former...)
	}
	return out
}

// save keeps details an administrator saved for residents' pages.
func (cs *communes) save(d knowledge.CommuneDetails) { cs.stored.set(d, cs.directoryFormer(d.Slug)) }

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
	seen := map[string]bool{}
	for _, m := range cs.dir.Find(q, limit) {
		if len(out) >= limit {
			break
		}
		r := cs.result(m.Commune.Slug)
		if m.Former != nil {
			r.Matched = m.Former.FullName + ", " + m.Former.District + ", " + m.Former.Province
		}
		seen[r.Slug] = true
		out = append(out, r)
	}
	// Custom communes and former names typed by administrators.
	for _, n := range cs.stored.find(q) {
		if len(out) >= limit {
			break
		}
		if seen[n.slug] {
			continue
		}
		r := cs.result(n.slug)
		if n.former {
			r.Matched = n.name
		}
		seen[n.slug] = true
		out = append(out, r)
	}
	return out
}

// result is the search result of the commune slug.
func (cs *communes) result(slug string) communeResult {
	info, _ := cs.lookup(slug)
	r := communeResult{Slug: info.Slug, Name: info.Name, Province: info.Province, Former: info.Former}
	if r.Former == nil {
		r.Former = []string{}
	}
	return r
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
