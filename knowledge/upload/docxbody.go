package upload

import (
	"encoding/xml"
	"io"
	"strings"
	"unicode/utf8"
)

// docxWriter turns the WordprocessingML of word/document.xml into
// Markdown-ish text.
type docxWriter struct {
	levels  map[string]int // style ID -> heading level, from styles.xml
	bounds  *xmlBounds
	maxText int // bytes of text written, in all
	out     strings.Builder
	title   string

	para      strings.Builder // text of the current paragraph
	style     string          // its pStyle
	list      bool            // it has numPr
	inText    bool            // inside w:t
	inRun     bool            // inside w:r, where w:b bolds text (in w:pPr it bolds the paragraph mark)
	runBold   bool            // the current run is bold
	boldRunes int             // letters of the paragraph in bold runs
	plainRune int             // and in regular runs
	tableRow  []string        // cells of the current table row
	cell      strings.Builder // text of the current cell
	tableDeep int             // nesting of w:tbl
}

func (w *docxWriter) read(r io.Reader) error {
	dec := xml.NewDecoder(r)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			w.endParagraph()
			return nil
		}
		if err != nil {
			return err
		}
		if err := w.bounds.see(tok); err != nil {
			return err
		}
		if w.out.Len()+w.para.Len()+w.cell.Len() > w.maxText {
			return errDOCXText
		}
		switch t := tok.(type) {
		case xml.StartElement:
			w.start(t)
		case xml.EndElement:
			w.end(t.Name.Local)
		case xml.CharData:
			if w.inText {
				w.para.Write(t)
				n := len(strings.TrimSpace(string(t)))
				if w.runBold {
					w.boldRunes += n
				} else {
					w.plainRune += n
				}
			}
		}
	}
}

func (w *docxWriter) start(t xml.StartElement) {
	switch t.Name.Local {
	case "p":
		w.para.Reset()
		w.style, w.list = "", false
		w.boldRunes, w.plainRune = 0, 0
	case "r":
		w.inRun, w.runBold = true, false
	case "b":
		if w.inRun {
			v := attr(t, "val")
			w.runBold = v != "0" && v != "false" && v != "off"
		}
	case "pStyle":
		w.style = attr(t, "val")
	case "numPr":
		w.list = true
	case "t":
		w.inText = true
	case "tab":
		w.para.WriteString(" ")
	case "br", "cr":
		w.para.WriteString(" ")
	case "tbl":
		w.endParagraph()
		w.tableDeep++
	case "tr":
		if w.tableDeep == 1 {
			w.tableRow = w.tableRow[:0]
		}
	case "tc":
		if w.tableDeep == 1 {
			w.cell.Reset()
		}
	}
}

func (w *docxWriter) end(local string) {
	switch local {
	case "t":
		w.inText = false
	case "r":
		w.inRun = false
	case "p":
		w.endParagraph()
	case "tc":
		if w.tableDeep == 1 {
			w.tableRow = append(w.tableRow, strings.Join(strings.Fields(w.cell.String()), " "))
		}
	case "tr":
		if w.tableDeep == 1 && strings.TrimSpace(strings.Join(w.tableRow, "")) != "" {
			w.out.WriteString(strings.Join(w.tableRow, " | ") + "\n")
		}
	case "tbl":
		w.tableDeep = max(w.tableDeep-1, 0)
		if w.tableDeep == 0 {
			w.out.WriteString("\n")
		}
	}
}

// endParagraph writes the paragraph: into the current cell inside a
// table, else as a heading, list item or line of its own.
func (w *docxWriter) endParagraph() {
	text := strings.Join(strings.Fields(w.para.String()), " ")
	w.para.Reset()
	if text == "" {
		return
	}
	if w.tableDeep > 0 {
		w.cell.WriteString(text + " ")
		return
	}
	level, ok := w.levels[w.style]
	if !ok {
		level, ok = headingLevel(w.style)
	}
	// A short paragraph set all in bold is a heading typed by hand, as
	// many notices are written: numbered sections in bold, no styles.
	bold := !ok && !w.list && w.boldRunes > 0 && w.plainRune == 0 &&
		utf8.RuneCountInString(text) <= maxBoldHeading && !strings.HasSuffix(text, ".")
	switch {
	case ok && level == 0 && w.title == "", bold && w.title == "":
		w.title = text // the first bold line, when no style names a title, is the title typed by hand
	case ok && level == 0, ok && level == 1:
		w.out.WriteString("\n## " + text + "\n")
	case ok, bold:
		w.out.WriteString("\n### " + text + "\n")
	case w.list:
		w.out.WriteString("- " + text + "\n")
	default:
		w.out.WriteString(text + "\n")
	}
	if ok && w.title == "" {
		w.title = text
	}
}
