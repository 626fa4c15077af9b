package places

import (
	"cmp"
	"slices"
	"strings"
)

// Match is one result of Find.
type Match struct {
	Commune Commune
	Former  *Former // the former unit whose name matched; nil when the current name matched
	Score   float64 // higher is better; only the order matters
}

// entry is one name Find can match: a current commune, or a former unit
// paired with one of the communes it went to.
type entry struct {
	name    string   // folded name
	ctx     []string // folded words of its (former) district and province(s)
	commune int
	former  int // -1 for a current name
}

// fillers may appear in the place part of a query without naming anything.
var fillers = map[string]bool{
	"huyen": true, "quan": true, "tinh": true, "thi": true, "xa": true, "thanh": true, "pho": true,
	"tp": true, "phuong": true, "tran": true, "cu": true, "tt": true, "tx": true,
}

// Find returns up to limit communes (10 when limit <= 0) whose current or
// former name matches q, best first, for a search box. q may be typed
// without diacritics, start with "xã", "phường", "thị trấn" or "đặc khu", end
// with a district or province, and end in the middle of a word: "thuan m"
// finds Thuận Mỹ. A commune appears once, under its best-matching name.
func (d *Directory) Find(q string, limit int) []Match {
	if limit <= 0 {
		limit = 10
	}
	toks := trimUnit(strings.Fields(fold(q)))
	if len(toks) == 0 {
		return nil
	}
	heads := make([]string, len(toks))
	for k := range toks {
		heads[k] = strings.Join(toks[:k+1], " ")
	}
	type hit struct {
		entry int
		score float64
	}
	var hits []hit
	for i := range d.search {
		if s, ok := matchEntry(&d.search[i], toks, heads); ok {
			hits = append(hits, hit{i, s})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return cmp.Compare(b.score, a.score) })
	seen := make(map[int]bool, limit)
	var out []Match
	for _, h := range hits {
		e := &d.search[h.entry]
		if seen[e.commune] {
			continue
		}
		seen[e.commune] = true
		m := Match{Commune: d.communes[e.commune], Score: h.score}
		if e.former >= 0 {
			f := d.formers[e.former].public()
			m.Former = &f
		}
		out = append(out, m)
		if len(out) == limit {
			break
		}
	}
	return out
}

// matchEntry scores e against the query words: the first words against the
// name (whole, as a prefix, or from a later word of the name), the rest
// against its district and province.
func matchEntry(e *entry, toks, heads []string) (float64, bool) {
	if !strings.Contains(e.name, toks[0][:1]) {
		return 0, false
	}
	for k := len(toks); k >= 1; k-- {
		h := heads[k-1]
		var score float64
		switch {
		case e.name == h:
			score = 3
		case strings.HasPrefix(e.name, h):
			score = 2
		case strings.Contains(e.name, " "+h):
			score = 1
		default:
			continue
		}
		n, ok := matchTail(toks[k:], e.ctx)
		if !ok {
			continue
		}
		// The more of the query the name covers the better; a matching
		// district or province and a current name break ties.
		score += 2*float64(k)/float64(len(toks)) + 0.1*float64(n)
		if e.former < 0 {
			score += 0.3
		}
		return score - 0.001*float64(len(e.name)), true
	}
	return 0, false
}

// matchTail reports whether every word of tail (but fillers) is a word of
// ctx, the last one possibly unfinished, and how many matched.
func matchTail(tail, ctx []string) (int, bool) {
	n := 0
	for i, w := range tail {
		last := i == len(tail)-1
		found := false
		for _, c := range ctx {
			if c == w || last && strings.HasPrefix(c, w) {
				found = true
				break
			}
		}
		switch {
		case found:
			n++
		case !fillers[w]:
			return 0, false
		}
	}
	return n, true
}

// trimUnit drops a leading "xa", "phuong", "thi tran", "dac khu" and the like.
func trimUnit(toks []string) []string {
	for len(toks) > 1 {
		switch {
		case toks[0] == "xa" || toks[0] == "phuong" || toks[0] == "tt" || toks[0] == "p" || toks[0] == "x":
			toks = toks[1:]
		case len(toks) > 2 && (toks[0] == "thi" && toks[1] == "tran" || toks[0] == "dac" && toks[1] == "khu"):
			toks = toks[2:]
		default:
			return toks
		}
	}
	return toks
}
