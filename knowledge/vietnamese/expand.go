package vietnamese

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
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
	marks []string // each syllable's diacritics as written, "" when none
	adds  []string
}

func newDictionary(entries []Entry) *Dictionary {
	d := &Dictionary{entries: entries, byFirst: make(map[string][]phrase)}
	index := make(map[string]int) // folded term -> position in byFirst[first]
	for _, e := range entries {
		for i, t := range e.Terms {
			syllables := strings.FieldsFunc(Normalize(t), notWordRune)
			words := make([]string, len(syllables))
			marks := make([]string, len(syllables))
			for i, s := range syllables {
				words[i], marks[i] = Fold(s), markKey(s)
			}
			key := strings.Join(marks, " ") + "|" + strings.Join(words, " ")
			first := words[0]
			pos, ok := index[key]
			if !ok {
				pos = len(d.byFirst[first])
				index[key] = pos
				d.byFirst[first] = append(d.byFirst[first], phrase{words: words, marks: marks})
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
	syllables := strings.FieldsFunc(Normalize(query), notWordRune)
	words := make([]string, 0, len(syllables))
	marks := make([]string, 0, len(syllables))
	for _, s := range syllables {
		if f := Fold(s); f != "" {
			words = append(words, f)
			marks = append(marks, markKey(s))
		}
	}
	var out []string
	covered := 0 // words before this index lie inside an earlier match
	for i, w := range words {
		for _, p := range d.byFirst[w] {
			end := i + len(p.words)
			if end > len(words) || !equalWords(words[i+1:end], p.words[1:]) || !sameMarks(marks[i:end], p.marks) {
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

// sameMarks reports whether query syllables typed with diacritics carry
// the term's own: "cuối" (end) must not match the term "cưới" (wedding),
// while "cuoi", typed without any, still does.
func sameMarks(query, term []string) bool {
	for i := range term {
		if query[i] != "" && term[i] != "" && query[i] != term[i] {
			return false
		}
	}
	return true
}

// markKey returns the diacritics of a syllable in a canonical order, so
// that tone marks placed on different vowels (hòa, hoà) compare equal; ""
// for a syllable without any. đ counts as a mark.
func markKey(s string) string {
	var m []rune
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			m = append(m, r)
		case r == 'đ' || r == 'Đ':
			m = append(m, 'đ')
		}
	}
	if len(m) == 0 {
		return ""
	}
	sort.Slice(m, func(i, j int) bool { return m[i] < m[j] })
	return string(m)
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
