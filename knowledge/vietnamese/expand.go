package vietnamese

import (
	"sort"
	"strings"
)

// Dictionary maps abbreviations, everyday words and misspellings to the
// wording of official procedures. It is immutable and safe for concurrent
// use. Build one with DefaultDictionary or ParseDictionary.
type Dictionary struct {
	entries []Entry
	// byFirst lists, for each first syllable, the distinct folded terms
	// starting with it, longest first, so the first hit is the longest.
	byFirst map[string][]phrase
}

// phrase is a folded term with everything any entry adds when it is found.
type phrase struct {
	words []string
	adds  []string
}

func newDictionary(entries []Entry) *Dictionary {
	d := &Dictionary{entries: entries, byFirst: make(map[string][]phrase)}
	index := make(map[string]int) // folded term -> position in byFirst[first]
	for _, e := range entries {
		for i, t := range e.Terms {
			words := Words(t)
			key := strings.Join(words, " ")
			first := words[0]
			pos, ok := index[key]
			if !ok {
				pos = len(d.byFirst[first])
				index[key] = pos
				d.byFirst[first] = append(d.byFirst[first], phrase{words: words})
			}
			p := &d.byFirst[first][pos]
			p.adds = appendNew(p.adds, e.adds(i)...)
		}
	}
	for _, ps := range d.byFirst {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
	return d
}

// Expand returns the folded phrases to add to query: for every term found
// in the query as a whole-syllable sequence (after folding, so "sổ đỏ",
// "so do" and "SỔ ĐỎ" all match), the phrases its entries add. Where terms
// overlap, a term inside a longer one found earlier is ignored, so
// "bản sao giấy khai sinh" does not also expand "giấy khai sinh". Phrases
// already in the query are left out. The result is nil when nothing matches.
func (d *Dictionary) Expand(query string) []string {
	words := Words(query)
	var out []string
	covered := 0 // words before this index lie inside an earlier match
	for i, w := range words {
		for _, p := range d.byFirst[w] {
			end := i + len(p.words)
			if end > len(words) || !equalWords(words[i+1:end], p.words[1:]) {
				continue
			}
			if end > covered {
				out = appendNew(out, p.adds...)
				covered = end
			}
			break
		}
	}
	if out == nil {
		return nil
	}
	joined := " " + strings.Join(words, " ") + " "
	kept := out[:0]
	for _, e := range out {
		if !strings.Contains(joined, " "+e+" ") {
			kept = append(kept, e)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	return kept
}

func equalWords(a, b []string) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// appendNew appends the items of add not already in list.
func appendNew(list []string, add ...string) []string {
	for _, a := range add {
		found := false
		for _, l := range list {
			if l == a {
				found = true
				break
			}
		}
		if !found {
			list = append(list, a)
		}
	}
	return list
}
