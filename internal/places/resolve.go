package places

import (
	"slices"
	"strings"
)

// Resolution says which former unit a question names, if any.
type Resolution struct {
	Found      bool        // the question names a former commune, ward or town
	Cued       bool        // and says it is former ("cũ", "nay là", a former district)
	Ambiguous  bool        // several former units fit; ask which one
	Candidates []Candidate // the fitting former units, in data order
}

// Candidate is a former unit and the current commune(s) it went to.
type Candidate struct {
	Former Former
	New    []Commune // several when the former unit was split
}

// Resolve detects a former commune, ward or town named in a resident's
// question ("tôi ở xã Thanh Phú Long cũ, giờ nộp hồ sơ ở đâu?") and returns
// where it went. Matching ignores diacritics and tone-mark placement. A name
// counts when it follows "xã", "phường" or "thị trấn" and is not a current
// commune's name, or when the question also says it is former ("cũ", "trước
// đây", "sáp nhập", "giờ là", a district…); a bare name counts only with such
// a cue and at least two words. A district or province in the question
// chooses between same-named units; when they do not, the result is
// Ambiguous with every candidate.
func (d *Directory) Resolve(question string) Resolution {
	q := newQuery(d, tokenize(question, d.words))
	for _, m := range q.mentions() {
		fs := q.accept(m)
		if len(fs) == 0 {
			continue
		}
		fs = q.narrow(m, fs)
		res := Resolution{Found: true, Cued: q.cueFor(m), Ambiguous: len(fs) > 1}
		for _, fi := range fs {
			f := &d.formers[fi]
			c := Candidate{Former: f.public()}
			for _, ci := range f.targets {
				c.New = append(c.New, d.communes[ci])
			}
			res.Candidates = append(res.Candidates, c)
		}
		return res
	}
	return Resolution{}
}

// mention is a span of a question that names a unit.
type mention struct {
	start, end int    // name words
	unit       string // the unit word before it: "Xã", "Phường", "Thị trấn", "Huyện", "Đặc khu" or ""
	key        string // folded name
}

type query struct {
	d       *Directory
	toks    []token
	folds   []string
	joined  string // folds joined by spaces
	offs    []int  // where each fold begins in joined
	covered []bool // words of a district or province name
	cue     bool   // the question says the place is former
	nows    []int  // where it says "now" (weakCues)
	// olds are where it says "cũ" (which may be a name's own word: "so do
	// cu bi rach" is no Cù Bị) or names a former district or province.
	olds     []int
	accented bool // the question has diacritics
}

func newQuery(d *Directory, toks []token) *query {
	q := &query{d: d, toks: toks, folds: make([]string, len(toks)), offs: make([]int, len(toks)), covered: make([]bool, len(toks))}
	var joined strings.Builder
	for i, t := range toks {
		q.folds[i] = t.fold
		q.accented = q.accented || !t.ascii
		if i > 0 {
			joined.WriteByte(' ')
		}
		q.offs[i] = joined.Len()
		joined.WriteString(t.fold)
	}
	q.joined = joined.String()
	q.scanContext()
	return q
}

// unitAt recognises a unit word at i and returns its type and length.
func (q *query) unitAt(i int) (string, int) {
	w := q.folds[i]
	prev, next := q.at(i-1), q.at(i+1)
	switch {
	case w == "xa" && prev != "thi" && prev != "hiem" && prev != "sach":
		return "Xã", 1
	case w == "phuong":
		return "Phường", 1
	case w == "thi" && next == "tran", w == "dac" && next == "khu":
		if w == "thi" {
			return "Thị trấn", 2
		}
		return "Đặc khu", 2
	case w == "tt":
		return "Thị trấn", 1
	case w == "p" && next != "" && isDigits(next):
		return "Phường", 1
	case w == "huyen":
		return "Huyện", 1
	}
	return "", 0
}

// contextAt recognises a district or province word at i and its length.
func (q *query) contextAt(i int) int {
	switch w := q.folds[i]; {
	case w == "huyen" || w == "quan" || w == "tinh" || w == "tp" || w == "tx":
		return 1
	case w == "thi" && q.at(i+1) == "xa", w == "thanh" && q.at(i+1) == "pho":
		return 2
	}
	return 0
}

// span returns the folded words i to j-1 joined by spaces: a slice of the
// question's folded text, not a copy.
func (q *query) span(i, j int) string {
	return q.joined[q.offs[i] : q.offs[j-1]+len(q.folds[j-1])]
}

func (q *query) at(i int) string {
	if i < 0 || i >= len(q.folds) {
		return ""
	}
	return q.folds[i]
}

// longest returns the end of the longest unit name starting at i within its
// segment, or i.
func (q *query) longest(i int, minWords int) int {
	ix := &q.d.names
	best := i
	for n := minWords; n <= ix.maxWords && i+n <= len(q.toks); n++ {
		w := i + n - 1
		if q.toks[w].seg != q.toks[i].seg || w > i && twoWordPlace[q.folds[w]+" "+q.at(w+1)] {
			break
		}
		key := q.span(i, i+n)
		if !ix.prefixes[key] {
			break
		}
		if len(ix.former[key]) > 0 || len(ix.current[key]) > 0 {
			best = i + n
		}
	}
	return best
}

// twoWordPlace are place words no name contains: a name stops before them.
var twoWordPlace = map[string]bool{"thanh pho": true, "thi xa": true, "thi tran": true, "dac khu": true}

// smallPlaces name places inside a commune: "thôn Tân Lập" is a village.
var smallPlaces = map[string]bool{
	"thon": true, "ap": true, "xom": true, "ban": true, "lang": true, "to": true, "khom": true,
	"pho": true, "duong": true, "ngo": true, "hem": true, "khu": true, "cum": true, "doi": true,
}

// mentions lists the names after a unit word, then the bare names.
func (q *query) mentions() []mention {
	var unit, bare []mention
	for i := 0; i < len(q.toks); {
		// A unit word heads a name in its own segment: "ở UBND xã, giờ
		// hai bên" names no Xã Gio Hải.
		if typ, n := q.unitAt(i); n > 0 && i+n < len(q.toks) && q.toks[i+n].seg == q.toks[i+n-1].seg {
			if end := q.longest(i+n, 1); end > i+n {
				unit = append(unit, mention{start: i + n, end: end, unit: typ, key: q.span(i+n, end)})
				i = end
				continue
			}
		}
		if q.covered[i] || i > 0 && (q.contextAt(i-1) > 0 || unitWords[q.folds[i-1]] || smallPlaces[q.folds[i-1]]) {
			i++
			continue
		}
		if end := q.longest(i, 2); end > i && !q.anyCovered(i, end) {
			bare = append(bare, mention{start: i, end: end, key: q.span(i, end)})
			i = end
			continue
		}
		i++
	}
	return append(unit, bare...)
}

func (q *query) anyCovered(i, j int) bool {
	for ; i < j; i++ {
		if q.covered[i] {
			return true
		}
	}
	return false
}

// accept returns the former units a mention may name, or nil when it names
// none or more likely names something else.
func (q *query) accept(m mention) []int {
	ix := &q.d.names
	var fs []int
	for _, fi := range ix.former[m.key] {
		if (q.d.formers[fi].Type == "Huyện") == (m.unit == "Huyện") {
			fs = append(fs, fi)
		}
	}
	if len(fs) == 0 || m.unit == "Đặc khu" {
		return nil
	}
	cue := q.cueFor(m)
	if !cue && q.commonNoun(m) {
		return nil
	}
	current := q.namesCurrent(m)
	n := m.end - m.start
	toneOK := q.toneMatches(m, fs)
	switch {
	case m.unit == "":
		// A bare name in a question typed with diacritics must be typed
		// as the name is: "xin cái" is not "Xín Cái".
		exact := false
		for _, fi := range fs {
			exact = exact || q.exactTones(m, &q.d.formers[fi])
		}
		if !cue || n < 2 || !toneOK && n < 3 || !exact {
			return nil
		}
	case n == 1 && !isDigits(m.key):
		// One-word names are often ordinary words: "xã Lâm" vs "xã làm".
		if !toneOK || q.toks[m.start].ascii && !cue || current && !cue {
			return nil
		}
	case m.unit == "Xã" && q.folds[m.start] == "hoi" && !cue: // "bảo hiểm xã hội"
		return nil
	case current && !cue:
		return nil
	}
	return fs
}

// commonNoun reports a name typed in lower case in a question that
// capitalises names: "Tôi ở xã biên giới, sắp cưới chồng người Lào" says
// a border commune, not Xã Biên Giới. A question typed all in lower case
// says nothing either way.
func (q *query) commonNoun(m mention) bool {
	if !q.accented || q.toks[m.start].upper {
		return false
	}
	for i := 1; i < len(q.toks); i++ {
		// A capital inside a segment, not one that opens a sentence.
		if t := q.toks[i]; t.upper && t.seg == q.toks[i-1].seg && (i < m.start || i >= m.end) {
			return true
		}
	}
	return false
}

// cueFor reports whether the question says the place m names is a
// former one: a cue word, or "cũ" outside the name itself.
func (q *query) cueFor(m mention) bool {
	if q.cue || m.unit != "" && len(q.nows) > 0 {
		return true
	}
	for _, i := range slices.Concat(q.olds, q.nows) {
		// "cũ" right before a name says its own noun is old: "xe máy cũ
		// của ông" (cu cua ong) is no former Cửa Ông.
		if i == m.start-1 && slices.Contains(q.olds, i) && !slices.Contains(q.nows, i) {
			continue
		}
		if i < m.start && q.placeWords(i+1, m.start) || i >= m.end && q.placeWords(m.end, i) {
			return true
		}
	}
	return false
}

// placeWords reports whether the words i to j-1 only say where a name is:
// units, districts, provinces and the words joining them. "Cũ" or a
// former district or province says a name is former only across such
// words ("xã Tân Mỹ, huyện Đức Hòa, Long An cũ"); across others it says
// what else is old ("nhà ba tầng … nhà cấp bốn cũ", "xin cái mới … tờ
// cũ") or where else the resident has been ("đang làm công nhân ở Bình
// Dương").
func (q *query) placeWords(i, j int) bool {
	for k := i; k < j; {
		if _, n := q.unitAt(k); n > 0 || q.covered[k] || q.contextAt(k) > 0 || joinWords[q.folds[k]] {
			k++
			continue
		}
		n := q.districtAt(k, j)
		if n == 0 {
			return false
		}
		k += n
	}
	return true
}

// districtAt returns the words of the longest former district's name,
// typed without "huyện" ("Thuận Mỹ (Châu Thành, Long An) cũ"), that
// starts at i and ends by j; 0 for none.
func (q *query) districtAt(i, j int) int {
	ix := &q.d.names
	best := 0
	for end := i + 1; end <= j && end <= i+4; end++ {
		k := q.span(i, end)
		if !ix.prefixes[k] {
			break
		}
		if ix.formerDistricts[k] {
			best = end - i
		}
	}
	return best
}

// joinWords join a name to its district or province: "xã Tân Mỹ thuộc
// huyện …", "quê cũ ở xã …".
var joinWords = map[string]bool{"o": true, "la": true, "thuoc": true, "cua": true, "tai": true, "thanh": true, "pho": true, "xa": true, "tran": true, "khu": true}

// namesCurrent reports whether the mention can be a current commune: one has
// its name and, if the question names current provinces, lies in one.
func (q *query) namesCurrent(m mention) bool {
	cs := q.d.names.current[m.key]
	if len(cs) == 0 {
		return false
	}
	var named []string
	for _, p := range q.d.provinces {
		if _, name := splitType(p.FullName); q.occurs(strings.Fields(name), m, true) > 0 {
			named = append(named, p.Code)
		}
	}
	if len(named) == 0 {
		return true
	}
	for _, ci := range cs {
		for _, code := range named {
			if q.d.communes[ci].ProvinceCode == code {
				return true
			}
		}
	}
	return false
}

// toneMatches reports whether some candidate's name has the tones typed in
// the mention (words typed without diacritics match any tone).
func (q *query) toneMatches(m mention, fs []int) bool {
	for _, fi := range fs {
		if q.sameTones(m, &q.d.formers[fi]) {
			return true
		}
	}
	return false
}

func (q *query) sameTones(m mention, f *former) bool {
	for k, t := range q.toks[m.start:m.end] {
		if !t.ascii && t.tone != f.tones[k] {
			return false
		}
	}
	return true
}

// exactTones reports whether the mention, typed in a question that has
// diacritics, has exactly f's tones: "Sa Pa" is not "Sa Pả" there.
func (q *query) exactTones(m mention, f *former) bool {
	if !q.accented {
		return true
	}
	for k, t := range q.toks[m.start:m.end] {
		if t.tone != f.tones[k] {
			return false
		}
	}
	return true
}
