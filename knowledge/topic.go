package knowledge

import (
	"slices"
	"strings"
)

// Limits of what counts as naming a procedure, as shares of the
// documents: a pair of words in more titles than maxPairShare says only
// what kind of act it is ("đăng ký", "giấy chứng nhận"); a single word
// names a procedure only as a whole name residents use ("VNeID").
const (
	maxPairShare = 0.03
	// minTitleDocs keeps a small base (a commune's few notices) from
	// calling every pair rare; minPairDocs keeps it from calling a pair
	// that a dozen of its titles share common.
	minTitleDocs = 200
	minPairDocs  = 12
)

// topical reports whether e's title or names name what the question asks
// about (see Hit.Topical).
func (ix *Index) topical(p plan, e *docEntry) bool {
	// Pairs as the resident typed them, filler included: titles keep
	// theirs ("cho người"), and dropping it would join words that never
	// stood side by side ("đăng ký [cho] con").
	words := make([]string, len(p.said))
	for i, w := range p.said {
		words[i] = w
		if c, ok := p.corrections[w]; ok {
			words[i] = c
		}
	}
	docs := max(ix.stats.docs, minTitleDocs)
	inTitle := func(phrase string) bool {
		if strings.Contains(e.foldTitle, " "+phrase+" ") {
			return true
		}
		for _, n := range e.names {
			if strings.Contains(n, " "+phrase+" ") {
				return true
			}
		}
		return false
	}
	for i := 0; i+1 < len(words); i++ {
		if p.filler[i] || p.filler[i+1] {
			continue
		}
		pair := words[i] + " " + words[i+1]
		if !inTitle(pair) {
			// A typo the corpus-wide correction read as another word:
			// "thuong truu" is the title's "thường trú".
			pair = nearPair(e, p.said[i], p.said[i+1], ix.stats.df)
		}
		if pair == "" || modifierPairs[pair] || actWords[words[i]] || actWords[words[i+1]] || float64(ix.stats.pairs[pair]) > max(maxPairShare*float64(docs), minPairDocs) {
			continue
		}
		// Typed with diacritics, the pair must be spelled so: "mưa bão"
		// is not "mua bảo (hiểm)".
		if (p.typed[i] != p.said[i] || p.typed[i+1] != p.said[i+1]) && !p.respelled[words[i]] && !p.respelled[words[i+1]] {
			if _, corrected := p.corrections[p.said[i]]; !corrected && !typedIn(e, p.typed[i]+" "+p.typed[i+1]) {
				continue
			}
		}
		return true
	}
	rare := func(pair string) bool {
		a, b, _ := strings.Cut(pair, " ")
		return !modifierPairs[pair] && !actWords[a] && !actWords[b] && float64(ix.stats.pairs[pair]) <= max(maxPairShare*float64(docs), minPairDocs)
	}
	for _, x := range p.expansions {
		if !strings.Contains(x, " ") || askPhrase(x) {
			continue
		}
		if inTitle(x) {
			return true
		}
		// The dictionary's words named by their head: "ghe máy" read
		// as "phương tiện thủy nội địa" names "Cấp lại Giấy chứng nhận
		// đăng ký phương tiện". (Not any pair of them: "trình tự thực
		// hiện" is no "điện tử thực hiện".)
		// Nor an office's name ("UBND xã" read as "ủy ban nhân dân cấp
		// xã"): who decides is no procedure.
		if xs := strings.Fields(x); len(xs) > 2 {
			if pair := xs[0] + " " + xs[1]; rare(pair) && !broadHeads[pair] && inTitle(pair) {
				return true
			}
		}
	}
	// A name residents use, said whole ("VNeID", "sao y").
	said := " " + strings.Join(words, " ") + " "
	for _, n := range e.names {
		if strings.Contains(said, n) && len(n) > 5 {
			return true
		}
	}
	return false
}

// broadHeads open the names of offices, or of more than one thing
// ("bảo hiểm" xã hội or y tế): a dictionary's reading named by them alone
// names no procedure.
var broadHeads = map[string]bool{"uy ban": true, "cong an": true, "co quan": true, "trung tam": true, "bo phan": true,
	"van phong": true, "chu tich": true, "so tu": true, "phong tu": true, "bao hiem": true}

// typedIn reports whether e's title or a name holds a phrase as typed,
// with its diacritics.
func typedIn(e *docEntry, phrase string) bool {
	for _, t := range e.typedTitle {
		if strings.Contains(t, " "+phrase+" ") {
			return true
		}
	}
	return false
}

// askPhrase reports an expansion that says what is asked, not about what
// ("lệ phí", "hồ sơ").
func askPhrase(x string) bool {
	if askWords[x] {
		return true // "tờ khai", for "mẫu đơn"
	}
	for _, w := range strings.Fields(x) {
		if !askWords[w] {
			return false
		}
	}
	return true
}

// titleCoverage is coverage (see Hit.Coverage) over the title and the
// names residents use only: how much of what the question is about the
// procedure's name says.
func (ix *Index) titleCoverage(p plan, e *docEntry) (float64, []string) {
	var have, want float64
	var named []string
	for _, w := range p.cover {
		if c, ok := p.corrections[w]; ok {
			w = c
		}
		idf := ix.stats.idf(w)
		want += idf
		if slices.Contains(e.titleWords, w) {
			have += idf
			if !slices.Contains(named, w) {
				named = append(named, w)
			}
		}
	}
	if want == 0 {
		return 0, nil
	}
	return have / want, named
}

// modifierPairs say how, when or how often, in titles and questions
// alike, and never what a procedure is about: "đăng ký nghĩa vụ quân sự
// lần đầu" is not "đăng ký xe lần đầu".
var modifierPairs = map[string]bool{
	"lan dau": true, "mot lan": true, "hang thang": true, "hang nam": true, "hang quy": true,
	"thuong xuyen": true, "dinh ky": true, "truc tiep": true, "truc tuyen": true, "muc do": true,
	"nguy hiem": true, "thoi gian": true, "thoi han": true, "toan trinh": true, "mot phan": true,
	"trong nuoc": true, "nuoc ngoai": true, "thuc hien": true, "cap xa": true, "cap tinh": true,
	"xac nhan": true, "de nghi": true, "thay doi": true, "bo sung": true,
	// "báo ai xử lý" asks who deals with it, not "Xử lý hóa đơn điện tử".
	"xu ly": true,
	// "cho người lớn tuổi" says for whom, not "làm căn cước cho người lớn".
	"nguoi lon": true, "lon tuoi": true,
}

// actWords name the act, not its object ("giấy", "đăng ký", "cấp", "xác
// nhận"): a pair holding one says what kind of paper, not which.
var actWords = map[string]bool{"giay": true, "xac": true, "dang": true, "ky": true, "cap": true, "xin": true,
	"lam": true, "thu": true, "tuc": true}

// nearPair returns the pair of e's title or names that a, b spell with
// one typo in a word the corpus does not know, or "".
func nearPair(e *docEntry, a, b string, df map[string]int) string {
	if df[a] > 0 && df[b] > 0 {
		return ""
	}
	for _, p := range e.titlePairs {
		x, y, _ := strings.Cut(p, " ")
		if (x == a || df[a] == 0 && oneEdit(x, a)) && (y == b || df[b] == 0 && oneEdit(y, b)) {
			return p
		}
	}
	return ""
}

// oneEdit reports whether a and b differ by one inserted, deleted or
// replaced byte, or two swapped ones.
func oneEdit(a, b string) bool {
	if a == b || len(a) < 3 || len(b) < 3 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	}
	return a[i:] == b[i+1:]
}
