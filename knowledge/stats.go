package knowledge

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// wordStats counts in how many documents each folded syllable occurs: the
// vocabulary for typo correction and the weights for coverage.
type wordStats struct {
	df   map[string]int
	docs int
	ages map[ageBound]int // age bounds in titles -> documents stating them
	// pairs counts the documents whose title holds each pair of adjacent
	// folded syllables.
	pairs map[string]int
	// titled counts the documents whose title or names hold each folded
	// syllable.
	titled map[string]int
	// spelled counts the documents whose title holds each syllable as
	// spelled, lower-case with its diacritics.
	spelled map[string]int
	// heads counts the documents whose passage headings hold each folded
	// syllable: the section names every procedure has ("thành phần hồ
	// sơ") are in nearly all.
	heads map[string]int
	// ids and words number every folded word the documents ever held, so
	// that a document keeps its words as a short sorted list of numbers
	// rather than a map of strings. Numbers are never reused.
	ids   map[string]uint32
	words []string
}

func newWordStats() wordStats {
	return wordStats{df: make(map[string]int), ages: make(map[ageBound]int), pairs: make(map[string]int), heads: make(map[string]int),
		titled: make(map[string]int), spelled: make(map[string]int), ids: make(map[string]uint32)}
}

// intern returns w's number, numbering it if it is new.
func (s *wordStats) intern(w string) uint32 {
	if id, ok := s.ids[w]; ok {
		return id
	}
	w = strings.Clone(w) // not a slice of one document's text
	id := uint32(len(s.words))
	s.ids[w] = id
	s.words = append(s.words, w)
	return id
}

// has reports whether e holds the folded word w.
func (s *wordStats) has(e *docEntry, w string) bool {
	id, ok := s.ids[w]
	if !ok {
		return false
	}
	_, found := slices.BinarySearch(e.wordIDs, id)
	return found
}

// headingWords returns the distinct folded words of e's passage headings.
func headingWords(e *docEntry) map[string]bool {
	ws := make(map[string]bool)
	for _, p := range e.passages {
		for _, w := range vietnamese.Words(p.Heading) {
			ws[w] = true
		}
	}
	return ws
}

// commonHeading reports whether more than a fifth of the documents have w
// in a passage heading: matching it says nothing of what a passage is
// about, and reading its postings is most of a search's cost. A base of
// fewer than minCommonDocs documents costs little to search and says too
// little about which words are common: there every word counts.
func (s *wordStats) commonHeading(w string) bool {
	return s.docs >= minCommonDocs && s.heads[w]*5 > s.docs
}

// minCommonDocs is the least number of documents at which commonHeading
// leaves words out.
const minCommonDocs = 200

func (s *wordStats) add(e *docEntry) {
	s.docs++
	for _, id := range e.wordIDs {
		s.df[s.words[id]]++
	}
	for _, b := range e.ages {
		s.ages[b]++
	}
	for _, p := range e.titlePairs {
		s.pairs[p]++
	}
	for _, w := range e.titleWords {
		s.titled[w]++
	}
	for _, w := range titleSpellings(e) {
		s.spelled[w]++
	}
	for w := range headingWords(e) {
		s.heads[w]++
	}
}

func (s *wordStats) remove(e *docEntry) {
	s.docs--
	for _, id := range e.wordIDs {
		w := s.words[id]
		if s.df[w]--; s.df[w] <= 0 {
			delete(s.df, w)
		}
	}
	for _, b := range e.ages {
		if s.ages[b]--; s.ages[b] <= 0 {
			delete(s.ages, b)
		}
	}
	for _, p := range e.titlePairs {
		if s.pairs[p]--; s.pairs[p] <= 0 {
			delete(s.pairs, p)
		}
	}
	for _, w := range e.titleWords {
		if s.titled[w]--; s.titled[w] <= 0 {
			delete(s.titled, w)
		}
	}
	for _, w := range titleSpellings(e) {
		if s.spelled[w]--; s.spelled[w] <= 0 {
			delete(s.spelled, w)
		}
	}
	for w := range headingWords(e) {
		if s.heads[w]--; s.heads[w] <= 0 {
			delete(s.heads, w)
		}
	}
}

// titleSpellings returns the distinct syllables of e's title as spelled,
// lower-case with their diacritics.
func titleSpellings(e *docEntry) []string {
	var out []string
	if len(e.typedTitle) == 0 {
		return nil
	}
	for _, w := range strings.Fields(e.typedTitle[0]) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// titlePair reports whether some title holds the folded pair of syllables.
func (s *wordStats) titlePair(pair string) bool { return s.pairs[pair] > 0 }

// idf is the inverse document frequency of a folded word; words the corpus
// has never seen weigh the most.
func (s *wordStats) idf(w string) float64 {
	n := float64(s.docs) + 1
	return math.Log(1 + n/(float64(s.df[w])+0.5))
}

// phraseIDF is the sum of the weights of a folded phrase's words.
func (s *wordStats) phraseIDF(phrase string) float64 {
	var idf float64
	for _, w := range strings.Fields(phrase) {
		idf += s.idf(w)
	}
	return idf
}

const correctionAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

// correct returns the most frequent known word at one edit (insertion,
// deletion, substitution or transposition of adjacent letters) from w, or
// "" when w is known or nothing is near. Vietnamese syllables are short, so
// only words of three letters or more are corrected.
func (s *wordStats) correct(w string) string {
	if len(w) < 3 || s.df[w] > 0 {
		return ""
	}
	best, bestN := "", 0
	try := func(c string) {
		if n := s.df[c]; n > bestN {
			best, bestN = c, n
		}
	}
	b := []byte(w)
	for i := range b {
		try(string(b[:i]) + string(b[i+1:]))
		if i+1 < len(b) {
			t := append([]byte(nil), b...)
			t[i], t[i+1] = t[i+1], t[i]
			try(string(t))
		}
		for _, c := range []byte(correctionAlphabet) {
			if c != b[i] {
				t := append([]byte(nil), b...)
				t[i] = c
				try(string(t))
			}
		}
	}
	for i := 0; i <= len(b); i++ {
		for _, c := range []byte(correctionAlphabet) {
			try(string(b[:i]) + string(c) + string(b[i:]))
		}
	}
	return best
}

// wordCoverage is coverage judged by whole words, without phrase search:
// cheap enough to weigh every candidate with.
func (ix *Index) wordCoverage(p plan, e *docEntry) float64 {
	var have, want float64
	for _, w := range p.cover {
		if c, ok := p.corrections[w]; ok && !ix.stats.has(e, w) {
			w = c
		}
		idf := ix.stats.idf(w)
		if p.who[w] {
			idf *= kinCover
		}
		want += idf
		if ix.stats.has(e, w) || ix.stats.holdsAlias(e, p.aliases[w]) {
			have += idf
		}
	}
	for _, x := range p.expansions {
		if ix.stats.holds(e, x) {
			idf := ix.stats.phraseIDF(x)
			have += idf
			want += idf
		}
	}
	if want == 0 {
		return 0
	}
	return have / want
}

// kinCover is the weight in wordCoverage of a family tie said as whose
// someone is ("mẹ tôi"): the person asked for may matter to a record's
// conditions ("có vợ hoặc chồng là công dân Việt Nam"), but names no
// procedure.
const kinCover = 0.5

// coverage weighs, by rarity, how many of the query's words the document
// holds. Dictionary expansions found in the document count in its favour;
// missing ones do not count against it. A word typed with diacritics
// counts only where the document spells it so: "tình yêu" is not covered
// by "tình trạng … yêu cầu" in folded letters only, nor "chó" by "cho";
// unless the document itself is written without diacritics.
func (ix *Index) coverage(p plan, e *docEntry) float64 {
	var have, want float64
	var text *spelledText // the document's own spellings, read when needed
	for _, w := range p.cover {
		c, corrected := p.corrections[w]
		if corrected {
			w = c
		}
		idf := ix.stats.idf(w)
		want += idf
		if !ix.stats.has(e, w) {
			if ix.stats.holdsAlias(e, p.aliases[w]) {
				have += idf
			}
			continue
		}
		if typed, ok := p.spelled[w]; ok && !corrected && !e.plain {
			if text == nil {
				text = newSpelledText(e)
			}
			if !text.has(typed) {
				continue
			}
		}
		have += idf
	}
	for _, x := range p.expansions {
		if strings.Contains(e.foldText, " "+x+" ") {
			idf := ix.stats.phraseIDF(x)
			have += idf
			want += idf
		}
	}
	if want == 0 {
		return 0
	}
	return have / want
}

// holds reports whether every word of a folded phrase occurs in e.
func (s *wordStats) holds(e *docEntry, phrase string) bool {
	for w := range strings.FieldsSeq(phrase) {
		if !s.has(e, w) {
			return false
		}
	}
	return true
}

// spelledText finds words in a document's own spelling, in its title,
// headings and passages as written: a word is there in lower case, with a
// capital at a sentence's start, or in capitals in a heading. Reading the
// three forms costs less than lower-casing the document for each question.
type spelledText struct {
	raw []string
}

func newSpelledText(e *docEntry) *spelledText {
	t := &spelledText{raw: make([]string, 0, 1+2*len(e.passages))}
	t.raw = append(t.raw, e.Title)
	for _, p := range e.passages {
		t.raw = append(t.raw, p.Heading, p.Text)
	}
	return t
}

// spelling is a word typed with diacritics in the forms a document may
// write it.
type spelling struct {
	lower, title, upper string
}

func newSpelling(lower string) spelling {
	r, n := utf8.DecodeRuneInString(lower)
	return spelling{lower: lower, title: string(unicode.ToTitle(r)) + lower[n:], upper: strings.ToUpper(lower)}
}

// has reports whether the document holds the word as a whole word.
func (t *spelledText) has(s spelling) bool {
	for _, raw := range t.raw {
		if containsWord(raw, s.lower) || containsWord(raw, s.title) || containsWord(raw, s.upper) {
			return true
		}
	}
	return false
}

// containsWord reports whether text holds word as a whole word.
func containsWord(text, word string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (start == 0 || notLetterOrDigit(before)) && (end == len(text) || notLetterOrDigit(after)) {
			return true
		}
		i = start + 1
	}
}

func notLetterOrDigit(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// hasDiacritics reports whether lower-case text has a Vietnamese letter
// outside ASCII.
func hasDiacritics(text string) bool {
	for _, r := range text {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
