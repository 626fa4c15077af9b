package records

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/hoidap/hoidap/internal/places"
)

// Communes finds the commune behind a slug, in one order for every
// caller: the details administrators stored, over the demo commune or
// one of the national directory. Office details of directory communes
// stay empty until administrators fill them in. The stored details are
// kept in memory, so chat pages, searches and answers read no rows: Save
// and Create update them, and a save on another replica sharing the
// database reloads them.
type Communes struct {
	store  *Store
	demo   CommuneInfo
	dir    *places.Directory
	stored storedCommunes // what administrators saved, over the above
}

// NewCommunes reads the stored communes of st (nil: none) over the demo
// commune and dir (nil loads the embedded directory).
func NewCommunes(ctx context.Context, st *Store, dir *places.Directory) (*Communes, error) {
	demo, err := DemoCommune()
	if err != nil {
		return nil, err
	}
	if dir == nil {
		if dir, err = places.Load(); err != nil {
			return nil, err
		}
	}
	cs := &Communes{store: st, demo: demo, dir: dir}
	if err := cs.stored.load(ctx, st, cs.directoryFormer); err != nil {
		return nil, err
	}
	if st != nil {
		st.onChange(communesVersionKey, cs.reload)
	}
	return cs, nil
}

// Lookup returns the commune with the given slug, with the details
// administrators saved over those of the directory.
func (cs *Communes) Lookup(slug string) (CommuneInfo, bool) {
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
	return CommuneInfo{}, false
}

// builtIn returns the commune of slug as the binary knows it: the demo
// commune or one of the directory.
func (cs *Communes) builtIn(slug string) (CommuneInfo, bool) {
	if slug == cs.demo.Slug {
		return cs.demo, true
	}
	c, ok := cs.dir.Commune(slug)
	if !ok {
		return CommuneInfo{}, false
	}
	return CommuneInfo{Slug: c.Slug, Name: c.FullName, Province: c.Province, Former: cs.directoryFormer(slug)}, true
}

// directoryFormer returns the full names of the former units merged into
// slug, as the directory has them.
func (cs *Communes) directoryFormer(slug string) []string {
	var out []string
	for _, f := range cs.dir.FormerOf(slug) {
		out = append(out, f.FullName)
	}
	if slug == cs.demo.Slug {
		out = append(out, cs.demo.Former...)
	}
	return out
}

// Office returns where residents of slug are sent: the stored or demo
// office as it is, else the directory's commune with the name of its
// public administration service centre (no address is invented).
func (cs *Communes) Office(slug string) (CommuneInfo, bool) {
	info, ok := cs.Lookup(slug)
	if _, saved := cs.stored.get(slug); ok && !saved && slug != cs.demo.Slug {
		info.Name = "Trung tâm phục vụ hành chính công " + info.Name
	}
	return info, ok
}

// Save stores the details of a commune the directory or the demo knows,
// and shows them at once.
func (cs *Communes) Save(ctx context.Context, d CommuneDetails) (CommuneDetails, error) {
	saved, err := cs.store.SaveCommune(ctx, d)
	if err != nil {
		return saved, err
	}
	cs.stored.set(saved, cs.directoryFormer(saved.Slug))
	return saved, nil
}

// Create stores a commune the directory does not know, and shows it at
// once.
func (cs *Communes) Create(ctx context.Context, d CommuneDetails) (CommuneDetails, error) {
	saved, err := cs.store.CreateCommune(ctx, d)
	if err != nil {
		return saved, err
	}
	cs.stored.set(saved, cs.directoryFormer(saved.Slug))
	return saved, nil
}

// reload reads the stored communes again, after another replica saved one.
func (cs *Communes) reload() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := cs.stored.reload(ctx, cs.store, cs.directoryFormer); err != nil {
		slog.Warn("reload stored communes", slog.Any("error", err))
	}
}

// Stored returns the details administrators saved, by slug.
func (cs *Communes) Stored(ctx context.Context) ([]CommuneDetails, error) {
	return cs.store.StoredCommunes(ctx)
}

// CommuneMatch is one commune found by Find.
type CommuneMatch struct {
	Slug     string   `json:"slug"`
	Name     string   `json:"name"`
	Province string   `json:"province"`
	Former   []string `json:"former"`
	// Matched is the former name the query matched, if it was not the
	// current one.
	Matched string `json:"matched,omitempty"`
}

// Find returns up to limit communes whose new or former name matches q,
// with or without diacritics; the demo commune matches "demo" or "mẫu".
func (cs *Communes) Find(q string, limit int) []CommuneMatch {
	q = strings.TrimSpace(q)
	out := []CommuneMatch{}
	if q == "" {
		return out
	}
	if fq := strings.ToLower(q); fq == "demo" || strings.Contains(fq, "mẫu") || fq == "mau" || fq == "xa mau" {
		out = append(out, CommuneMatch{Slug: cs.demo.Slug, Name: cs.demo.Name, Province: cs.demo.Province, Former: cs.demo.Former})
	}
	seen := map[string]bool{}
	for _, m := range cs.dir.Find(q, limit) {
		if len(out) >= limit {
			break
		}
		r := cs.Match(m.Commune.Slug)
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
		r := cs.Match(n.slug)
		if n.former {
			r.Matched = n.name
		}
		seen[n.slug] = true
		out = append(out, r)
	}
	return out
}

// Saved returns the details administrators stored for slug.
func (cs *Communes) Saved(slug string) (CommuneDetails, bool) { return cs.stored.get(slug) }

// Match returns the commune of slug as Find gives it.
func (cs *Communes) Match(slug string) CommuneMatch {
	info, _ := cs.Lookup(slug)
	r := CommuneMatch{Slug: info.Slug, Name: info.Name, Province: info.Province, Former: info.Former}
	if r.Former == nil {
		r.Former = []string{}
	}
	return r
}
