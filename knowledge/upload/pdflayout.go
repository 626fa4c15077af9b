package upload

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pdfPage is one page's text lines in PDFium's reading order.
type pdfPage struct{ lines []pdfLine }

// pdfLine is a line of text with the font it is set in; size is 0 when
// PDFium could not tell.
type pdfLine struct {
	text string
	size float64
	bold bool
}

type pdfFont struct {
	size float64
	bold bool
}

// Heading rules: a line set at least headingScale times the body's size,
// or bold in a body set in regular type, and no longer than a heading
// is, starts a section.
const (
	headingScale    = 1.1
	maxHeadingRunes = 150
	maxBoldHeading  = 100
)

// layoutPDF turns pages of lines into a title and Markdown-ish text:
// running headers and footers once, the document's own headings as "## "
// (a smaller or bold-only one as "### "), and the largest heading of the
// first page as the title.
func layoutPDF(pages []pdfPage) (title, body string) {
	pages = dropRunningLines(pages)
	size, bold := bodyFont(pages)
	kind := func(l pdfLine) int { // 0 text, 2 "##", 3 "###"
		n := utf8.RuneCountInString(l.text)
		switch {
		case !strings.ContainsFunc(l.text, unicode.IsLetter):
			return 0
		case size > 0 && l.size >= size*headingScale && n <= maxHeadingRunes:
			return 2
		case l.bold && !bold && n <= maxBoldHeading && (size == 0 || l.size >= size*0.95):
			return 3
		}
		return 0
	}
	var titleSize float64
	if len(pages) > 0 {
		for _, l := range pages[0].lines {
			if kind(l) == 2 && l.size > titleSize {
				titleSize = l.size
			}
		}
	}
	var b strings.Builder
	inTitle := false
	for pi, p := range pages {
		if pi > 0 {
			b.WriteString("\n")
		}
		prev := pdfLine{}
		prevKind := 0
		for _, l := range p.lines {
			k := kind(l)
			switch {
			case pi == 0 && titleSize > 0 && l.size == titleSize && (title == "" || inTitle) && k == 2:
				title = strings.TrimSpace(title + " " + l.text) // a title set on two lines
				inTitle = true
				continue
			case k != 0 && k == prevKind && math.Abs(l.size-prev.size) < 0.5 && !startsNumbered(l.text):
				b.WriteString(" " + l.text) // a heading wrapped onto the next line
			case k != 0:
				b.WriteString("\n\n" + strings.Repeat("#", k) + " " + l.text)
			default:
				if prevKind != 0 {
					b.WriteString("\n")
				}
				b.WriteString("\n" + l.text)
			}
			inTitle = false
			prev, prevKind = l, k
		}
	}
	return title, strings.TrimSpace(b.String())
}

// numbered matches a section number that opens a line: "2.", "2.1",
// "II.", "a)".
var numbered = regexp.MustCompile(`^([0-9]+(\.[0-9]+)*\.?|[IVXLivxl]+\.|\pL\))\s`)

// startsNumbered reports a line that opens with a section number, which
// starts a heading of its own rather than continuing the one before.
func startsNumbered(s string) bool { return numbered.MatchString(s) }

// bodyFont is the size most of the text is set in, and whether that
// text is bold.
func bodyFont(pages []pdfPage) (size float64, bold bool) {
	weight := map[float64]int{}
	boldRunes, all := 0, 0
	for _, p := range pages {
		for _, l := range p.lines {
			n := utf8.RuneCountInString(l.text)
			all += n
			if l.bold {
				boldRunes += n
			}
			if l.size > 0 {
				weight[math.Round(l.size*2)/2] += n
			}
		}
	}
	best := 0
	for s, n := range weight {
		if n > best || n == best && s < size {
			size, best = s, n
		}
	}
	return size, boldRunes*2 > all
}

// dropRunningLines keeps a running header or footer (a line among the
// first or last two of at least half the pages, page numbers aside) on
// the first page it appears on, and drops its repeats, which would
// otherwise cut sentences that run across pages.
func dropRunningLines(pages []pdfPage) []pdfPage {
	if len(pages) < 2 {
		return pages
	}
	edge := func(p pdfPage, i int) bool { return i < 2 || i >= len(p.lines)-2 }
	seen := map[string]int{}
	for _, p := range pages {
		onPage := map[string]bool{}
		for i, l := range p.lines {
			if k := runningKey(l.text); edge(p, i) && !onPage[k] {
				onPage[k] = true
				seen[k]++
			}
		}
	}
	kept := map[string]bool{}
	out := make([]pdfPage, len(pages))
	for pi, p := range pages {
		for i, l := range p.lines {
			k := runningKey(l.text)
			if edge(p, i) && seen[k] >= 2 && seen[k]*2 >= len(pages) {
				if kept[k] {
					continue
				}
				kept[k] = true
			}
			out[pi].lines = append(out[pi].lines, l)
		}
	}
	return out
}

// runningKey is a line with its digits hidden, so "Trang 2/5" and
// "Trang 3/5" are the same footer.
func runningKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return unicode.ToLower(r)
	}, s)
}
