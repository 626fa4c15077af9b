package knowledge

import (
	"fmt"
	"strings"
)

// maxPassage bounds a passage, in bytes, so that a long section (the steps
// of some portal procedures run to pages) is cited and ranked in pieces.
const maxPassage = 1800

// MaxPassages bounds the passages of one uploaded document. Indexing a
// passage costs memory until its batch is written and time (about 80 KB
// and a few milliseconds each, measured on a 19.8 MB Markdown upload), so
// 1,000 keep an upload's share of the process near 100 MB.
const MaxPassages = 1000

// Split fills d.Passages from its procedure fields or its body, along the
// document's own sections and headings.
func Split(d *Document) {
	d.Passages = d.Passages[:0]
	eachPassage(d, func(p Passage, text string) bool {
		n := len(d.Passages)
		d.Passages = append(d.Passages, Passage{
			ID:      fmt.Sprintf("%s#%d", d.ID, n),
			DocID:   d.ID,
			Ordinal: n,
			Section: p.Section,
			Heading: p.Heading,
			Text:    text,
		})
		return true
	})
}

// PassagesOver reports whether Split would cut d into more than max
// passages, having cut at most max+1: the check costs little however
// many passages a hostile text would make.
func PassagesOver(d *Document, max int) bool {
	n := 0
	eachPassage(d, func(Passage, string) bool {
		n++
		return n <= max
	})
	return n > max
}

// eachPassage calls yield with each section of d and the text of each
// of its passages, in order, until yield returns false.
func eachPassage(d *Document, yield func(p Passage, text string) bool) {
	each := func(p Passage) bool {
		for _, text := range chunk(p.Text, maxPassage) {
			if !yield(p, text) {
				return false
			}
		}
		return true
	}
	if d.Procedure != nil {
		for _, p := range splitProcedure(d.Procedure) {
			if !each(p) {
				return
			}
		}
	}
	if strings.TrimSpace(d.Body) != "" {
		splitBody(d.Title, d.Body, each)
	}
}

// Headings of procedure sections, as residents read them.
var sectionHeadings = map[string]string{
	SectionOverview:   "Thông tin chung",
	SectionPapers:     "Thành phần hồ sơ",
	SectionFee:        "Phí, lệ phí",
	SectionTime:       "Thời hạn giải quyết",
	SectionSteps:      "Trình tự thực hiện",
	SectionSubmit:     "Cách thức và nơi nộp hồ sơ",
	SectionConditions: "Yêu cầu, điều kiện",
	SectionResult:     "Kết quả",
	SectionLegal:      "Căn cứ pháp lý",
}

// SectionHeading returns the Vietnamese heading of a section key, or ""
// for free text (SectionBody), which is named by its own heading: the
// key is internal and never shown.
func SectionHeading(section string) string {
	if h, ok := sectionHeadings[section]; ok {
		return h
	}
	if section == SectionBody {
		return ""
	}
	return section
}

func splitProcedure(p *Procedure) []Passage {
	var out []Passage
	add := func(section, text string) {
		if text = strings.TrimSpace(text); text != "" {
			out = append(out, Passage{Section: section, Heading: sectionHeadings[section], Text: text})
		}
	}
	add(SectionOverview, overviewText(p))
	add(SectionPapers, PapersText(p.Papers))
	add(SectionFee, feeText(p))
	add(SectionTime, timeText(p))
	add(SectionSubmit, SubmitText(p))
	add(SectionSteps, listText(p.Steps, true))
	add(SectionConditions, p.Conditions)
	add(SectionResult, p.Result)
	add(SectionLegal, listText(p.LegalBasis, false))
	return out
}

func overviewText(p *Procedure) string {
	var b strings.Builder
	line := func(label, v string) {
		if v = strings.TrimSpace(v); v != "" {
			fmt.Fprintf(&b, "%s: %s\n", label, v)
		}
	}
	line("Thủ tục", p.Title)
	line("Mã thủ tục", p.Code)
	line("Lĩnh vực", p.Field)
	line("Cấp thực hiện", p.Level)
	line("Cơ quan thực hiện", p.Agency)
	line("Đối tượng thực hiện", p.Audience)
	line("Thủ tục liên quan", p.Related)
	line("Lưu ý", p.Note)
	return b.String()
}

// PapersText renders the papers to bring as a list, one paper a line.
func PapersText(papers []Paper) string {
	var b strings.Builder
	for _, p := range papers {
		b.WriteString("- ")
		b.WriteString(strings.TrimSpace(p.Name))
		var extra []string
		if p.Count != "" {
			extra = append(extra, p.Count)
		}
		if p.Form != "" {
			extra = append(extra, "mẫu: "+p.Form)
		}
		if len(extra) > 0 {
			b.WriteString(" (" + strings.Join(extra, "; ") + ")")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func feeText(p *Procedure) string {
	return perMethod(p.Fee, p.Methods, func(m Method) string { return m.Fee })
}

func timeText(p *Procedure) string {
	return perMethod(p.Time, p.Methods, func(m Method) string { return m.Time })
}

// perMethod writes a summary, then each submission method's own value
// where the summary does not already say it.
func perMethod(summary string, methods []Method, value func(Method) string) string {
	var b strings.Builder
	if summary != "" {
		b.WriteString(summary + "\n")
	}
	for _, m := range methods {
		if v := value(m); v != "" && !strings.Contains(summary, v) {
			fmt.Fprintf(&b, "- %s: %s\n", m.Channel, v)
		}
	}
	return b.String()
}

// SubmitText says where and how to submit: the office, each channel, and
// the online link.
func SubmitText(p *Procedure) string {
	var b strings.Builder
	if p.Where != "" {
		fmt.Fprintf(&b, "Nơi nộp: %s\n", p.Where)
	}
	for _, m := range p.Methods {
		b.WriteString("- " + m.Channel)
		if m.Note != "" {
			b.WriteString(": " + m.Note)
		}
		b.WriteString("\n")
	}
	if p.OnlineURL != "" {
		fmt.Fprintf(&b, "Nộp trực tuyến: %s\n", p.OnlineURL)
	}
	return b.String()
}

func listText(items []string, numbered bool) string {
	var b strings.Builder
	for i, it := range items {
		if it = strings.TrimSpace(it); it == "" {
			continue
		}
		if numbered && !startsWithStep(it) {
			fmt.Fprintf(&b, "%d. %s\n", i+1, it)
		} else {
			fmt.Fprintf(&b, "- %s\n", it)
		}
	}
	return b.String()
}

func startsWithStep(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "bước")
}

// splitBody splits free text on Markdown headings ("#", "##", "###"); text
// before the first heading belongs to the document's title. A heading that
// names a procedure section ("Thành phần hồ sơ", "Lệ phí") gets that
// section's key so answers can find it.
func splitBody(title, body string, yield func(Passage) bool) {
	heading, section := title, SectionOverview
	var buf strings.Builder
	flush := func() bool {
		t := strings.TrimSpace(buf.String())
		buf.Reset()
		return t == "" || yield(Passage{Section: section, Heading: heading, Text: t})
	}
	for line := range strings.SplitSeq(body, "\n") {
		trimmed := strings.TrimSpace(line)
		if h, ok := markdownHeading(trimmed); ok {
			if !flush() {
				return
			}
			heading, section = h, SectionFor(h)
			continue
		}
		buf.WriteString(line)
		buf.WriteString("\n")
	}
	flush()
}

func markdownHeading(line string) (string, bool) {
	if !strings.HasPrefix(line, "#") {
		return "", false
	}
	h := strings.TrimLeft(line, "#")
	if h == "" || h[0] != ' ' {
		return "", false
	}
	return strings.TrimSpace(h), true
}

// SectionFor guesses the section key of a heading from its words.
func SectionFor(heading string) string {
	h := strings.ToLower(heading)
	switch {
	case containsAny(h, "hồ sơ", "giấy tờ", "thành phần"):
		return SectionPapers
	case containsAny(h, "lệ phí", "phí"):
		return SectionFee
	case containsAny(h, "thời hạn", "thời gian"):
		return SectionTime
	case containsAny(h, "trình tự", "các bước", "quy trình"):
		return SectionSteps
	case containsAny(h, "cách thức", "nơi nộp", "địa chỉ", "nộp ở đâu"):
		return SectionSubmit
	case containsAny(h, "điều kiện", "yêu cầu"):
		return SectionConditions
	case containsAny(h, "kết quả"):
		return SectionResult
	case containsAny(h, "căn cứ", "pháp lý"):
		return SectionLegal
	}
	return SectionBody
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// chunk splits text into pieces of at most max bytes at line breaks, or at
// spaces for a single long line.
func chunk(text string, max int) []string {
	if len(text) <= max {
		return []string{text}
	}
	var out []string
	var cur strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		for len(line) > max {
			cut := strings.LastIndex(line[:max], " ")
			if cut <= 0 {
				cut = max
				for cut > 0 && !utf8Start(line[cut]) {
					cut--
				}
			}
			if cur.Len() > 0 {
				out = append(out, strings.TrimSpace(cur.String()))
				cur.Reset()
			}
			out = append(out, strings.TrimSpace(line[:cut]))
			line = line[cut:]
		}
		if cur.Len()+len(line) > max && cur.Len() > 0 {
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
		cur.WriteString(line)
	}
	if t := strings.TrimSpace(cur.String()); t != "" {
		out = append(out, t)
	}
	return out
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
