package records

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// storedCommunes keeps in memory the commune details administrators saved,
// so that every chat page and commune search sees them without a query.
// This process updates the copy on its own saves, and reloads it when
// another replica sharing the database saves (follow.go).
type storedCommunes struct {
	mu      sync.RWMutex
	details map[string]CommuneDetails
	names   []storedName // custom communes' names and typed former names, for find
}

// storedName is a name a commune can be found by that the directory does
// not know, folded into words without the unit ("xã", "phường").
type storedName struct {
	words  []string
	name   string // as typed
	slug   string
	former bool
}

// load reads every stored commune.
func (sc *storedCommunes) load(ctx context.Context, st *Store, formerOf func(string) []string) error {
	if st == nil {
		return nil
	}
	all, err := st.StoredCommunes(ctx)
	if err != nil {
		return fmt.Errorf("records: stored communes: %w", err)
	}
	for _, d := range all {
		sc.set(d, formerOf(d.Slug))
	}
	return nil
}

// reload reads every stored commune again, in place of what was kept.
func (sc *storedCommunes) reload(ctx context.Context, st *Store, formerOf func(string) []string) error {
	var fresh storedCommunes
	if err := fresh.load(ctx, st, formerOf); err != nil {
		return err
	}
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.details, sc.names = fresh.details, fresh.names
	return nil
}

// set keeps d, replacing what was kept of its slug; known are the former
// names the directory already finds it by.
func (sc *storedCommunes) set(d CommuneDetails, known []string) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.details == nil {
		sc.details = map[string]CommuneDetails{}
	}
	sc.details[d.Slug] = d
	names := sc.names[:0:0]
	for _, n := range sc.names {
		if n.slug != d.Slug {
			names = append(names, n)
		}
	}
	if d.Custom {
		names = append(names, storedName{words: unitless(d.Name), name: d.Name, slug: d.Slug})
	}
	have := map[string]bool{}
	for _, k := range known {
		have[strings.Join(unitless(k), " ")] = true
	}
	for _, f := range d.Former {
		if w := unitless(f); len(w) > 0 && !have[strings.Join(w, " ")] {
			names = append(names, storedName{words: w, name: f, slug: d.Slug, former: true})
		}
	}
	sc.names = names
}

// get returns the stored details of slug.
func (sc *storedCommunes) get(slug string) (CommuneDetails, bool) {
	sc.mu.RLock()
	defer sc.mu.RUnlock()
	d, ok := sc.details[slug]
	return d, ok
}

// find returns the stored names that q matches: q's words, the last one
// possibly cut short as it is being typed, in a row within the name.
func (sc *storedCommunes) find(q string) []storedName {
	qw := unitless(q)
	if len(qw) == 0 {
		return nil
	}
	sc.mu.RLock()
	defer sc.mu.RUnlock()
	var out []storedName
	for _, n := range sc.names {
		if wordsIn(qw, n.words) {
			out = append(out, n)
		}
	}
	return out
}

func wordsIn(q, name []string) bool {
	for start := 0; start+len(q) <= len(name); start++ {
		ok := true
		for i, w := range q {
			nw := name[start+i]
			if nw != w && !(i == len(q)-1 && strings.HasPrefix(nw, w)) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// unitless folds a commune's name into words and drops the unit in front
// ("xã", "phường", "thị trấn", "đặc khu").
func unitless(name string) []string {
	w := vietnamese.Words(name)
	for _, unit := range [][]string{{"thi", "tran"}, {"dac", "khu"}, {"xa"}, {"phuong"}} {
		if len(w) > len(unit) && equalWords(w[:len(unit)], unit) {
			w = w[len(unit):]
			break
		}
	}
	return w
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
