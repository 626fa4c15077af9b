package vietnamese

import (
	"slices"
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
	// pairs holds every two adjacent folded syllables of a term.
	pairs map[string]bool
	// joint are the terms written "a + b": every part found, anywhere in
	// the query, adds what the entry adds.
	joint []joint
}

// joint is a term of parts that must all be found.
type joint struct {
	parts []phrase
	adds  []string
}

// newPhrase folds a term into its syllables and their diacritics.
func newPhrase(t string) phrase {
	syllables := strings.FieldsFunc(Normalize(t), notWordRune)
	p := phrase{words: make([]string, len(syllables)), marks: make([]string, len(syllables))}
	for i, s := range syllables {
		p.words[i], p.marks[i] = Fold(s), markKey(s)
	}
	return p
}

// phrase is a folded term with everything any entry adds when it is found.
type phrase struct {
	words []string
	marks []string // each syllable's diacritics as written, "" when none
	adds  []string
}

func newDictionary(entries []Entry) *Dictionary {
	d := &Dictionary{entries: entries, byFirst: make(map[string][]phrase), pairs: make(map[string]bool)}
	index := make(map[string]int) // folded term -> position in byFirst[first]
	for _, e := range entries {
		for i, t := range e.Terms {
			if strings.Contains(t, "+") {
				j := joint{adds: e.adds(i)}
				for _, part := range strings.Split(t, "+") {
					p := newPhrase(part)
					for k := 0; k+1 < len(p.words); k++ {
						d.pairs[p.words[k]+" "+p.words[k+1]] = true
					}
					j.parts = append(j.parts, p)
				}
				d.joint = append(d.joint, j)
				continue
			}
			np := newPhrase(t)
			words, marks := np.words, np.marks
			for j := 0; j+1 < len(words); j++ {
				d.pairs[words[j]+" "+words[j+1]] = true
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
// "bản sao giấy khai sinh" does not also expand "giấy khai sinh". A few
// modal words may stand inside a term (see insertable). Phrases already in
// the query are left out. The result is nil when nothing matches.
func (d *Dictionary) Expand(query string) []string {
	syllables := strings.FieldsFunc(Normalize(query), notWordRune)
	words := make([]string, 0, len(syllables))
	typed := make([]string, 0, len(syllables)) // words before teencode is read
	marks := make([]string, 0, len(syllables))
	filler := make([]bool, 0, len(syllables))
	for _, s := range syllables {
		if f := Fold(s); f != "" {
			typed = append(typed, f)
			marks = append(marks, markKey(s))
			filler = append(filler, skippable(s, f))
			if w, ok := teencode[f]; ok {
				f = w
			}
			words = append(words, f)
		}
	}
	out := d.match(typed, marks, filler)
	// Teencode read as its word ("xin lm hộ nghèo") finds a term the
	// shorthand stands inside.
	if !slices.Equal(words, typed) {
		out = appendNew(out, d.match(words, marks, filler)...)
	}
	if out == nil {
		return nil
	}
	joined := " " + strings.Join(typed, " ") + " "
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

// match returns what the terms found in words add, the longest term
// at each place.
func (d *Dictionary) match(words, marks []string, filler []bool) []string {
	var out []string
	covered := 0 // words before this index lie inside an earlier match
	for i, w := range words {
		for _, p := range d.byFirst[w] {
			end, ok := matchTerm(words, marks, filler, i, p)
			if !ok {
				continue
			}
			if end > covered {
				out = appendNew(out, p.adds...)
				covered = end
			}
			break
		}
	}
	for _, j := range d.joint {
		if allFound(words, marks, filler, j.parts) {
			out = appendNew(out, j.adds...)
		}
	}
	return out
}

// allFound reports whether every one of parts is found somewhere in words.
func allFound(words, marks []string, filler []bool, parts []phrase) bool {
	for _, p := range parts {
		found := false
		for i := range words {
			if _, ok := matchTerm(words, marks, filler, i, p); ok {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// maxFillerSkips is how many filler syllables may stand inside a term as
// the resident types it: "không muốn nhận phần" still says "không nhận
// phần", "hồ sơ của tôi tới đâu" still says "hồ sơ tới đâu".
const maxFillerSkips = 2

// matchTerm reports whether term p starts at words[i], its syllables in
// order with at most maxFillerSkips filler syllables between them, and
// returns the index after its last syllable.
func matchTerm(words, marks []string, filler []bool, i int, p phrase) (int, bool) {
	j, skips := i, 0
	for k := range p.words {
		for k > 0 && j < len(words) && words[j] != p.words[k] && filler[j] && skips < maxFillerSkips {
			j++
			skips++
		}
		if j >= len(words) || words[j] != p.words[k] || !sameMarks(marks[j:j+1], p.marks[k:k+1]) {
			return 0, false
		}
		j++
	}
	return j, true
}

// sameMarks reports whether query syllables typed with diacritics carry
// the term's own: "cuối" (end) must not match the term "cưới" (wedding),
// while "cuoi", typed without any, still does.
func sameMarks(query, term []string) bool {
	for i := range term {
		if query[i] != "" && term[i] != "" && query[i] != term[i] && !toneLeftOut(query[i], term[i]) {
			return false
		}
	}
	return true
}

// toneLeftOut reports a syllable typed with the shape of its vowels (â,
// ơ, đ) but not its tone, as residents often type on a phone: "nhâp hô
// khau" says "nhập hộ khẩu". The shapes typed must all be the term's.
func toneLeftOut(query, term string) bool {
	left := []rune(term)
	for _, r := range query {
		if strings.ContainsRune(tones, r) {
			return false
		}
		i := slices.Index(left, r)
		if i < 0 {
			return false
		}
		left = slices.Delete(left, i, i+1)
	}
	return true
}

// tones are the combining tone marks: grave, acute, tilde, hook, dot.
const tones = "\u0300\u0301\u0303\u0309\u0323"

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

// IsTerm reports whether folded, one syllable as returned by Words, is a
// whole term of d ("cmnd", "bhyt"): a word the dictionary knows, which
// spelling correction must leave alone.
func (d *Dictionary) IsTerm(folded string) bool {
	for _, p := range d.byFirst[folded] {
		if len(p.words) == 1 {
			return true
		}
	}
	return false
}

// HasPair reports whether two folded syllables, joined by a space ("sao
// y"), stand side by side in a term of d.
func (d *Dictionary) HasPair(pair string) bool { return d.pairs[pair] }
