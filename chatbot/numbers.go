package chatbot

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// quantityRe finds amounts of money and durations in folded text: a
// number, then its unit ("50.000 đồng", "2 triệu", "15 ngày làm việc").
// Amounts in words ("năm mươi nghìn") are not checked.
var quantityRe = regexp.MustCompile(`(\d+(?:[.,]\d+)*)\s*(nghin|ngan|trieu|k|dong|d|vnd|ngay|gio|thang|tuan|nam|phut)\b`)

// quantities returns the amounts and durations of text as "value unit"
// keys: money in đồng ("50000 dong"), durations in their own unit.
func quantities(text string) []string {
	var out []string
	for _, m := range quantityRe.FindAllStringSubmatch(vietnamese.Fold(text), -1) {
		num, unit := m[1], m[2]
		switch unit {
		case "nghin", "ngan", "k", "trieu", "dong", "d", "vnd":
			v := money(num)
			switch unit {
			case "nghin", "ngan", "k":
				v *= 1000
			case "trieu":
				v *= 1000000
			}
			out = append(out, strconv.FormatFloat(v, 'f', 0, 64)+" dong")
		default:
			out = append(out, strings.NewReplacer(",", ".").Replace(num)+" "+unit)
		}
	}
	return out
}

// money reads "50.000", "1,5" or "2.5" as a number: groups of three
// after a separator are thousands, anything else a decimal part.
func money(s string) float64 {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ',' })
	thousands := len(parts) > 1
	for _, p := range parts[1:] {
		if len(p) != 3 {
			thousands = false
		}
	}
	if thousands {
		s = strings.Join(parts, "")
	} else {
		s = strings.NewReplacer(",", ".").Replace(s)
	}
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// numberGate lets an LLM answer through as it streams, a whole sentence
// at a time: each sentence is checked before the resident sees it, so an
// amount or a duration the sources do not have is never shown, and a
// fallback never follows half a sentence. A long run of text without a
// sentence end and without digits passes at a word boundary.
type numberGate struct {
	allowed map[string]bool
	source  string // the sources' text, folded and " "-padded, for claims
	pending string
	failed  string // why the last check failed: "numbers" or "claims"
	// trust, when set, holds the numbers and links an answer may give
	// beyond being in the sources: those of the official records and of
	// the commune's details, not an uploaded notice's.
	trust *trust
}

// longRun is how much digit-free text is held at most without a sentence
// end.
const longRun = 160

func newNumberGate(sourceText string) *numberGate {
	g := &numberGate{allowed: map[string]bool{}, source: " " + strings.Join(vietnamese.Words(sourceText), " ") + " "}
	for _, q := range quantities(sourceText) {
		g.allowed[q] = true
	}
	return g
}

// add takes a piece of the answer and returns what may be shown now; ok
// is false when a finished sentence has an amount or a duration the
// sources do not have.
func (g *numberGate) add(text string) (show string, ok bool) {
	g.pending += text
	var b strings.Builder
	for {
		j := sentenceEnd(g.pending, 0)
		if j < 0 {
			break
		}
		if !g.check(g.pending[:j]) {
			return b.String(), false
		}
		b.WriteString(g.pending[:j])
		g.pending = g.pending[j:]
	}
	if len(g.pending) > longRun && !strings.ContainsAny(g.pending, "0123456789") {
		if i := strings.LastIndexByte(g.pending, ' '); i > 0 {
			b.WriteString(g.pending[:i+1])
			g.pending = g.pending[i+1:]
		}
	}
	return b.String(), true
}

// flush checks and returns what is held at the end of the answer.
func (g *numberGate) flush() (string, bool) {
	rest := g.pending
	g.pending = ""
	return rest, g.check(rest)
}

func (g *numberGate) check(s string) bool {
	for _, q := range quantities(s) {
		if !g.allowed[q] {
			g.failed = "numbers"
			return false
		}
	}
	if !g.claimsHeld(s) {
		g.failed = "claims"
		return false
	}
	return true
}

// Claims an answer may only repeat from its sources: a place to submit
// (an agency), a paper to bring, a phone or account number, a link.
var (
	placeClaim = regexp.MustCompile(`(?i)\b(công an|ủy ban nhân dân|uỷ ban nhân dân|ubnd|văn phòng đăng ký|chi nhánh|sở|phòng|cục|bộ|tòa án|kho bạc|bảo hiểm xã hội|trung tâm)\s+(\p{L}+(?:\s+\p{L}+)?)`)
	paperClaim = regexp.MustCompile(`(?i)\b(tờ khai|đơn|giấy|bản sao|phiếu|văn bản)\s+(\p{L}+(?:\s+\p{L}+)?)`)
	// longDigits is a phone or account number: nine digits or more,
	// perhaps in groups split by spaces or dashes (amounts group by dots).
	longDigits = regexp.MustCompile(`\d(?:[ \-]?\d){8,}`)
	linkClaim  = regexp.MustCompile(`(?i)(https?://|www\.)[^\s)\]]+`)
)

// claimsHeld reports whether every place, paper, long number and link a
// sentence names is in the sources: an LLM may word an answer, not add a
// counter, a form or an account to pay into.
func (g *numberGate) claimsHeld(s string) bool {
	for _, m := range longDigits.FindAllString(s, -1) {
		if !strings.Contains(strings.ReplaceAll(g.source, " ", ""), onlyDigits(m)) {
			return false
		}
	}
	if g.trust != nil && !g.trust.holds(s) {
		return false
	}
	for _, m := range linkClaim.FindAllString(s, -1) {
		if !strings.Contains(g.source, " "+strings.Join(vietnamese.Words(strings.TrimRight(m, ".,;")), " ")+" ") {
			return false
		}
	}
	for _, re := range []*regexp.Regexp{placeClaim, paperClaim} {
		for _, m := range re.FindAllStringSubmatch(s, -1) {
			// The kind and the first word after it: "Công an cấp xã",
			// "Giấy chứng sinh"; the rest may be worded freely.
			head := strings.Join(vietnamese.Words(m[1]+" "+firstWord(m[2])), " ")
			if !strings.Contains(g.source, " "+head+" ") {
				return false
			}
		}
	}
	return true
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i > 0 {
		return s[:i]
	}
	return s
}

// sentenceEnd returns the index just past the end of the first sentence
// of s from "from", or -1 when it has not ended yet. "50.000" does not end a
// sentence; ". " and a new line do.
func sentenceEnd(s string, from int) int {
	for k := from; k < len(s); k++ {
		switch s[k] {
		case '\n':
			return k + 1
		case '.', '!', '?', ';':
			if k+1 < len(s) && s[k+1] == ' ' {
				return k + 2
			}
		}
	}
	return -1
}
