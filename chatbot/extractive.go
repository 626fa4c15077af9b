package chatbot

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/portal"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// Limits that keep an extractive answer short enough for a phone.
const (
	maxField    = 420 // characters of a free-text field
	maxPassageA = 700 // characters of an article passage
)

// The name an uploaded document goes by when its own title speaks to the
// answering machine.
const (
	uploadedName   = "Tài liệu do xã tải lên"
	uploadedNameEn = "A document the commune uploaded"
)

// view is what an answer depends on beyond its documents: the day (fees
// change with reductions in force), the commune office, the language.
type view struct {
	today   time.Time
	contact Contact
	office  bool   // contact holds the commune's office
	lang    string // "en" for English framing; the record's words stay Vietnamese
	// record is the official record of the procedure an uploaded article
	// names by its code: the article's fee claims may not contradict it.
	record *knowledge.Procedure
}

// extractive composes the answer to intents from the best document and
// mentions a close second one.
func extractive(question string, intents []intent, best knowledge.Document, hit knowledge.Hit, second *knowledge.Document, both bool, detail string, v view) string {
	var b strings.Builder
	b.Grow(1024) // most answers are shorter: one allocation
	if p := best.Procedure; p != nil {
		recordAnswer(&b, question, intents, best, detail, v)
	} else {
		fmt.Fprintf(&b, "\n%s: %s [1]", v.word("Nguồn", "Source"), articleSection(&b, question, intents, best, hit, v))
	}
	switch {
	case second != nil && both && second.Procedure != nil:
		b.WriteString("\n[2] ")
		recordAnswer(&b, question, intents, *second, "", v)
	case second != nil:
		title := second.Title
		if !official(*second) {
			title = cmp.Or(uploadTitle(title, communeTrust(v)), v.word(uploadedName, uploadedNameEn))
		}
		fmt.Fprintf(&b, "\n%s «%s» [2].", v.word("Có thể bạn cũng cần:", "You may also need:"), shortTitle(title))
	}
	return strings.TrimSpace(b.String()) + "\n"
}

// word picks the Vietnamese or the English framing.
func (v view) word(vi, en string) string {
	if v.lang == "en" {
		return en
	}
	return vi
}

// articleSection answers from an article: the passage of the asked
// section if it has one, else the passage holding most of the question's
// words, else the best hit's. From an uploaded article, a sentence with a
// phone or account number or a link that the commune's details do not
// hold is left out, and the resident is told so.
func articleSection(b *strings.Builder, question string, intents []intent, d knowledge.Document, hit knowledge.Hit, v view) (title string) {
	heading, text := hit.Heading, hit.Text
	best := -1
	asked := askedBeyondTitle(question, d.Title)
	if text != "" {
		best = overlap(asked, hit.Heading+" "+hit.Text)
	}
	for _, p := range d.Passages {
		if p.Section == string(intents[0]) {
			heading, text = p.Heading, p.Text
			break
		}
		if n := overlap(asked, p.Heading+" "+p.Text); n > best {
			best, heading, text = n, p.Heading, p.Text
		}
	}
	title, left := d.Title, leftOut{}
	if !official(d) {
		t := communeTrust(v)
		title, heading = cmp.Or(uploadTitle(title, t), v.word(uploadedName, uploadedNameEn)), uploadTitle(heading, t)
		text, left = screen(text, t, v.record)
	}
	if heading != "" && heading != title {
		fmt.Fprintf(b, "%s — %s:\n", title, heading)
	} else {
		fmt.Fprintf(b, "%s:\n", title)
	}
	b.WriteString(clipLines(text, maxPassageA) + "\n")
	if left.untrusted {
		b.WriteString(v.word("(Đã bỏ câu có số tài khoản, số điện thoại hoặc đường link không có trong thông tin chính thức của xã; đừng chuyển tiền theo những câu như vậy.)\n",
			"(A sentence with an account or phone number or a link that is not in the commune's official details was left out; do not send money on such a sentence.)\n"))
	}
	if left.contradicted {
		fmt.Fprintf(b, v.word("(Đã bỏ câu về lệ phí, cách nộp tiền hoặc thời hạn trái với bản ghi chính thức của thủ tục %s. Lệ phí theo bản ghi: %s)\n",
			"(A sentence on the fee, on paying or on the time taken that contradicts the official record of procedure %s was left out. The record's fee: %s)\n"),
			v.record.Code, clip(cmp.Or(feeOf(v.record, v.today), v.record.Fee, v.word("không ghi", "not stated")), maxField))
	}
	if left.addressed {
		b.WriteString(v.word("(Đã bỏ câu trong tài liệu tải lên không dành cho người dân mà ra lệnh cho máy trả lời.)\n",
			"(A sentence of the uploaded document that gives orders to the answering machine, not information to residents, was left out.)\n"))
	}
	return title
}

// askedBeyondTitle returns the question's distinct content words that the
// document's title does not hold: every passage is about the title.
func askedBeyondTitle(question, title string) []string {
	padded := fold(title)
	var words []string
	for _, w := range vietnamese.ContentWords(question) {
		if !strings.Contains(padded, " "+w+" ") && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return words
}

// overlap counts the words (askedBeyondTitle) that text holds.
func overlap(words []string, text string) int {
	if len(words) == 0 {
		return 0
	}
	padded := fold(text)
	n := 0
	for _, w := range words {
		if strings.Contains(padded, " "+w+" ") {
			n++
		}
	}
	return n
}

// clipLines is clip for text whose lines matter (lists): whole lines
// while they fit, the last one clipped.
func clipLines(s string, n int) string {
	var b strings.Builder
	left := n
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		l := utf8.RuneCountInString(line)
		if l > left {
			if c := clipOutside(line, left); left > 40 && c != "" {
				b.WriteString(c + "\n")
			} else {
				b.WriteString("…\n")
			}
			break
		}
		b.WriteString(line + "\n")
		left -= l
	}
	return strings.TrimRight(b.String(), "\n")
}

// clipOutside is clip that does not end inside a bracket it opened: a
// note cut after "(bản ghi" reads as if the record said nothing more.
// It is "" when the bracket opens too near the start for anything
// before it to stand alone: "Thời hạn: «1» (bản ghi thiếu đơn vị …" is
// no time without its note.
func clipOutside(s string, n int) string {
	cut := clip(s, n)
	if i := strings.LastIndexByte(cut, '('); i >= 0 && !strings.Contains(cut[i:], ")") {
		if utf8.RuneCountInString(cut[:i]) <= 20 {
			return ""
		}
		// "Thời hạn giải quyết: «1» (bản ghi thiếu đơn vị; các bước
		// ghi: …)": the number keeps the short note, or goes.
		if unitLost.MatchString(cut[:i]) {
			if short := strings.TrimRight(cut[:i], " ") + " " + unitLostNote; utf8.RuneCountInString(short) <= n {
				return short
			}
			return ""
		}
		cut = strings.TrimRight(cut[:i], " ,;:")
		if !strings.HasSuffix(cut, "…") {
			cut += " …"
		}
	}
	return cut
}

// unitLost ends a time whose unit the record lost (readTime), and
// unitLostNote is the shortest note that goes with it.
var unitLost = regexp.MustCompile(`«\d+(?:[.,]\d+)?»\s*$`)

const unitLostNote = "(bản ghi thiếu đơn vị; hỏi cán bộ)"

func online(p *knowledge.Procedure) bool {
	if p.OnlineURL != "" {
		return true
	}
	for _, m := range p.Methods {
		if isOnline(m.Channel) {
			return true
		}
	}
	return false
}

func isOnline(channel string) bool {
	c := strings.ToLower(channel)
	return strings.Contains(c, "trực tuyến") || strings.Contains(c, "online")
}

// clip cuts s to about n characters, at a sentence or word end, with its
// white space collapsed.
func clip(s string, n int) string {
	cut, over, ok := clipTidy(s, n)
	if !ok {
		cut, over = clipCollapse(s, n)
	}
	if !over {
		return cut
	}
	if i := strings.LastIndex(cut, ". "); i > n/2 {
		return cut[:i+1]
	}
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	if strings.HasSuffix(cut, "…") {
		return cut // a name already cut ("… bổ …"), not "… bổ … …"
	}
	return cut + " …"
}

// clipTidy is clipCollapse for text with single spaces between words and
// none at its ends, as most checklist lines are: the cut is a prefix of s,
// found without copying it. ok is false for any other text. Bytes that
// are not UTF-8 pass as they are (clipCollapse would write U+FFFD).
func clipTidy(s string, n int) (cut string, over, ok bool) {
	// Read bytes, not runes: a character begins at each byte that is not
	// a continuation byte, and only lead bytes 0xC2, 0xE1-0xE3 can begin
	// white space other than ASCII.
	runes, space := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c&0xC0 == 0x80:
			continue
		case c == ' ':
			if space || i == 0 {
				return "", false, false
			}
			space = true
			continue
		case c < utf8.RuneSelf:
			if '\t' <= c && c <= '\r' {
				return "", false, false
			}
		case c == 0xC2 || 0xE1 <= c && c <= 0xE3:
			if r, _ := utf8.DecodeRuneInString(s[i:]); isSpace(r) {
				return "", false, false
			}
		}
		if runes >= n || space && runes+1 >= n {
			if space && runes >= n {
				return s[:i-1], true, true
			}
			return s[:i], true, true
		}
		if space {
			runes++
			space = false
		}
		runes++
	}
	if space {
		return "", false, false
	}
	return s, false, true
}

// clipCollapse copies s with its white space collapsed, stopping after n
// characters; over reports that it stopped.
func clipCollapse(s string, n int) (cut string, over bool) {
	// One pass that stops after n characters: passages run to thousands.
	var b strings.Builder
	runes, space := 0, false
	for _, r := range s {
		if isSpace(r) {
			space = b.Len() > 0
			continue
		}
		if runes >= n || space && runes+1 >= n {
			over = true
			if space && runes < n {
				b.WriteByte(' ')
			}
			break
		}
		if space {
			b.WriteByte(' ')
			runes++
			space = false
		}
		b.WriteRune(r)
		runes++
	}
	return b.String(), over
}

// isSpace is unicode.IsSpace without a table search for letters.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return 0x2000 <= r && r <= 0x200A
}

// maxCardPapers bounds the papers a source card lists.
const maxCardPapers = 8

// sourceOf builds the source event of a document: its checklist, read
// from the record as a resident should read it on the day of v.
func sourceOf(n int, d knowledge.Document, hit knowledge.Hit, section string, v view) Source {
	s := Source{N: n, ID: hit.PassageID, DocID: d.ID, Title: d.Title, Section: hit.Section, URL: d.URL}
	if !official(d) {
		s.Title = cmp.Or(uploadTitle(s.Title, communeTrust(v)), v.word(uploadedName, uploadedNameEn))
	}
	if section != "" {
		s.Section = section
	}
	if p := d.Procedure; p != nil {
		if s.URL == "" {
			s.URL = p.SourceURL
		}
		if strings.HasPrefix(d.ID, portal.IDPrefix) {
			s.Code = p.Code
		}
		papers, _, _ := papersOf(p, "")
		for i, pp := range papers {
			if i == maxCardPapers {
				break
			}
			name := pp.name
			if pp.show {
				name += " (xuất trình)"
			}
			s.Papers = append(s.Papers, name)
		}
		s.Fee, s.Time, s.Where = clip(feeOf(p, v.today), 200), clip(timeOf(p), 200), clip(placeOf(p, v), 200)
		if online(p) {
			s.Online = p.OnlineURL
		}
		s.Level = p.Level
		s.Explain = p.Explain
	}
	return s
}
