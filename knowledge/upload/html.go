package upload

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML turns an HTML page into Markdown-ish text: the title from
// <title> (else the first <h1>), h1–h3 as "## " headings and deeper ones as
// "### ", list items as "- ", table rows as cells joined by " | ", and no
// script, style or other invisible content.
func parseHTML(src string) (title, body string) {
	z := html.NewTokenizer(strings.NewReader(src))
	var (
		out        strings.Builder
		line       strings.Builder // the block being written
		skip       int             // depth inside invisible elements
		inTitle    bool
		titleText  strings.Builder
		firstH1    string
		heading    atom.Atom // heading element being written, if any
		headingBuf strings.Builder
		pre        int
	)
	flush := func() {
		if t := strings.TrimSpace(line.String()); t != "" {
			out.WriteString(t)
			out.WriteString("\n")
		}
		line.Reset()
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		name, _ := z.TagName()
		a := atom.Lookup(name)
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			switch {
			case invisible(a):
				if tt == html.StartTagToken {
					skip++
				}
				continue
			case a == atom.Title:
				inTitle = tt == html.StartTagToken
				continue
			case a == atom.Br:
				line.WriteString("\n")
			case isHeading(a):
				flush()
				heading = a
				headingBuf.Reset()
			case a == atom.Li:
				flush()
				line.WriteString("- ")
			case a == atom.Td || a == atom.Th:
				if strings.TrimSpace(line.String()) != "" {
					line.WriteString(" | ")
				}
			case a == atom.Pre:
				flush()
				pre++
			case block(a):
				flush()
			}
		case html.EndTagToken:
			switch {
			case invisible(a):
				skip = max(skip-1, 0)
			case a == atom.Title:
				inTitle = false
			case isHeading(a) && heading != 0:
				h := strings.Join(strings.Fields(headingBuf.String()), " ")
				if heading == atom.H1 && firstH1 == "" {
					firstH1 = h
				}
				if h != "" {
					out.WriteString("\n" + headingMark(heading) + h + "\n")
				}
				heading = 0
			case a == atom.Pre:
				flush()
				pre = max(pre-1, 0)
			case block(a) || a == atom.Li:
				flush()
			}
		case html.TextToken:
			text := string(z.Text())
			switch {
			case skip > 0:
			case inTitle:
				titleText.WriteString(text)
			case heading != 0:
				headingBuf.WriteString(text)
			case pre > 0:
				line.WriteString(text)
			default:
				line.WriteString(collapse(text))
			}
		}
	}
	flush()
	title = strings.Join(strings.Fields(titleText.String()), " ")
	if title == "" {
		title = firstH1
	}
	return title, out.String()
}

// collapse turns runs of white space into one space, keeping one at the
// ends so that words of neighbouring inline elements stay apart.
func collapse(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		if s != "" {
			return " "
		}
		return ""
	}
	out := strings.Join(f, " ")
	if strings.TrimLeft(s, " \t\n\r\f") != s {
		out = " " + out
	}
	if strings.TrimRight(s, " \t\n\r\f") != s {
		out += " "
	}
	return out
}

func invisible(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
		atom.Iframe, atom.Object, atom.Canvas, atom.Select, atom.Button:
		return true
	}
	return false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func headingMark(a atom.Atom) string {
	switch a {
	case atom.H1, atom.H2, atom.H3:
		return "## "
	}
	return "### "
}

func block(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Header, atom.Footer, atom.Main, atom.Aside,
		atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Table, atom.Tr, atom.Tbody, atom.Thead,
		atom.Blockquote, atom.Hr, atom.Nav, atom.Figure, atom.Figcaption, atom.Address, atom.Form:
		return true
	}
	return false
}
