package chatbot

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// Limits that keep an extractive answer short enough for a phone.
const (
	maxPapers   = 6
	maxSteps    = 6
	maxField    = 420 // characters of a free-text field
	maxPassageA = 700 // characters of an article passage
)

// extractive composes the answer to intents from the best document, a
// few lines with the source's title, and mentions a close second one.
func extractive(question string, intents []intent, best knowledge.Document, hit knowledge.Hit, second *knowledge.Document) string {
	var b strings.Builder
	b.Grow(2048) // most answers are shorter: one allocation
	if p := best.Procedure; p != nil {
		for i, in := range intents {
			if i > 0 {
				b.WriteString("\n")
			}
			procedureSection(&b, in, p, best.Title)
		}
	} else {
		articleSection(&b, question, intents, best, hit)
	}
	fmt.Fprintf(&b, "\nNguồn: %s [1]", best.Title)
	if second != nil {
		fmt.Fprintf(&b, "\nCó thể bạn cũng cần: «%s» [2].", second.Title)
	}
	return strings.TrimSpace(b.String()) + "\n"
}

func procedureSection(b *strings.Builder, in intent, p *knowledge.Procedure, title string) {
	switch in {
	case intentPapers:
		if len(p.Papers) == 0 {
			break
		}
		fmt.Fprintf(b, "Hồ sơ «%s» gồm:\n", title)
		for i, pp := range p.Papers {
			if i == maxPapers {
				fmt.Fprintf(b, "- … và %d giấy tờ khác (xem nguồn)\n", len(p.Papers)-maxPapers)
				break
			}
			b.WriteString("- " + paperLine(pp) + "\n")
		}
		return
	case intentFee:
		if fee := feeOf(p); fee != "" {
			fmt.Fprintf(b, "Lệ phí «%s»: %s\n", title, fee)
			return
		}
	case intentTime:
		if t := timeOf(p); t != "" {
			fmt.Fprintf(b, "Thời hạn giải quyết «%s»: %s\n", title, t)
			return
		}
	case intentOnline:
		if online(p) {
			fmt.Fprintf(b, "Có, «%s» nộp trực tuyến được", title)
			if u := p.OnlineURL; u != "" {
				fmt.Fprintf(b, " tại %s", u)
			}
			b.WriteString(".\n")
			for _, m := range p.Methods {
				if isOnline(m.Channel) && m.Note != "" {
					b.WriteString(clip(m.Note, maxField) + "\n")
				}
			}
		} else {
			fmt.Fprintf(b, "Nguồn không ghi hình thức nộp trực tuyến cho «%s».\n", title)
			if p.Where != "" {
				b.WriteString("Nơi nộp: " + clip(p.Where, maxField) + "\n")
			}
		}
		return
	case intentSubmit:
		if p.Where != "" || len(p.Methods) > 0 {
			fmt.Fprintf(b, "Nơi nộp hồ sơ «%s»: %s\n", title, clip(p.Where, maxField))
			var ch []string
			for _, m := range p.Methods {
				ch = append(ch, strings.ToLower(m.Channel))
			}
			if len(ch) > 0 {
				b.WriteString("Cách nộp: " + strings.Join(ch, ", ") + ".\n")
			}
			if p.OnlineURL != "" {
				b.WriteString("Nộp trực tuyến: " + p.OnlineURL + "\n")
			}
			return
		}
	case intentSteps:
		if len(p.Steps) > 0 {
			fmt.Fprintf(b, "Các bước «%s»:\n", title)
			for i, s := range p.Steps {
				if i == maxSteps {
					b.WriteString("… (xem đầy đủ trong nguồn)\n")
					break
				}
				fmt.Fprintf(b, "%d. %s\n", i+1, clip(strings.TrimPrefix(s, "- "), 240))
			}
			return
		}
	case intentConditions:
		if p.Conditions != "" {
			fmt.Fprintf(b, "Điều kiện «%s»: %s\n", title, clip(p.Conditions, maxField))
			return
		}
	case intentResult:
		if p.Result != "" {
			fmt.Fprintf(b, "Kết quả «%s»: %s\n", title, clip(p.Result, maxField))
			return
		}
	}
	summary(b, p, title)
}

// summary is the general answer: the checklist in four lines.
func summary(b *strings.Builder, p *knowledge.Procedure, title string) {
	fmt.Fprintf(b, "«%s»:\n", title)
	if len(p.Papers) > 0 {
		names := make([]string, 0, 3)
		for i, pp := range p.Papers {
			if i == 3 {
				break
			}
			names = append(names, clip(pp.Name, 90))
		}
		more := ""
		if len(p.Papers) > 3 {
			more = fmt.Sprintf(" (và %d giấy tờ khác)", len(p.Papers)-3)
		}
		b.WriteString("- Hồ sơ: " + strings.Join(names, "; ") + more + "\n")
	}
	if fee := feeOf(p); fee != "" {
		b.WriteString("- Lệ phí: " + clip(fee, 200) + "\n")
	}
	if t := timeOf(p); t != "" {
		b.WriteString("- Thời hạn: " + clip(t, 200) + "\n")
	}
	if p.Where != "" {
		b.WriteString("- Nơi nộp: " + clip(p.Where, 200) + "\n")
	}
	if online(p) && p.OnlineURL != "" {
		b.WriteString("- Nộp trực tuyến: " + p.OnlineURL + "\n")
	}
}

// articleSection answers from an article: the passage of the asked
// section if it has one, else the passage holding most of the question's
// words, else the best hit's.
func articleSection(b *strings.Builder, question string, intents []intent, d knowledge.Document, hit knowledge.Hit) {
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
	if heading != "" && heading != d.Title {
		fmt.Fprintf(b, "%s — %s:\n", d.Title, heading)
	} else {
		fmt.Fprintf(b, "%s:\n", d.Title)
	}
	b.WriteString(clipLines(text, maxPassageA) + "\n")
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
			if left > 40 {
				b.WriteString(clip(line, left) + "\n")
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

func paperLine(p knowledge.Paper) string {
	s := clip(p.Name, 160)
	if p.Count != "" {
		s += " (" + p.Count + ")"
	}
	return s
}

func feeOf(p *knowledge.Procedure) string {
	return summaryOrMethods(p.Fee, p.Methods, func(m knowledge.Method) string { return m.Fee })
}

func timeOf(p *knowledge.Procedure) string {
	return summaryOrMethods(p.Time, p.Methods, func(m knowledge.Method) string { return m.Time })
}

// summaryOrMethods returns the procedure's own summary of a field or, when
// it has none, each submission method's value, clipped for a card.
func summaryOrMethods(summary string, methods []knowledge.Method, value func(knowledge.Method) string) string {
	if summary != "" {
		return clip(summary, maxField)
	}
	var parts []string
	for _, m := range methods {
		if v := value(m); v != "" {
			parts = append(parts, m.Channel+": "+v)
		}
	}
	return clip(strings.Join(parts, "; "), maxField)
}

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

// sourceOf builds the source event of a document: its checklist.
func sourceOf(n int, d knowledge.Document, hit knowledge.Hit, section string) Source {
	s := Source{N: n, ID: hit.PassageID, DocID: d.ID, Title: d.Title, Section: hit.Section, URL: d.URL}
	if section != "" {
		s.Section = section
	}
	if p := d.Procedure; p != nil {
		if s.URL == "" {
			s.URL = p.SourceURL
		}
		for i, pp := range p.Papers {
			if i == maxPapers {
				break
			}
			s.Papers = append(s.Papers, clip(pp.Name, 90))
		}
		s.Fee, s.Time, s.Where = clip(feeOf(p), 160), clip(timeOf(p), 160), clip(p.Where, 160)
		if online(p) {
			s.Online = p.OnlineURL
		}
	}
	return s
}
