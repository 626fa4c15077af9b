package web

// Builders of real upload files for the admin tests, after the ones of
// knowledge/upload's tests: a PDF with a text layer or only an image, and
// a DOCX as Vietnamese Word writes it.

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// pdfString escapes s for a PDF literal string.
func pdfString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return "(" + r.Replace(s) + ")"
}

// pdfTextPage is a content stream that shows lines in Helvetica.
func pdfTextPage(lines ...string) string {
	var b strings.Builder
	b.WriteString("BT /F1 12 Tf 72 720 Td 14 TL\n")
	for i, l := range lines {
		if i > 0 {
			b.WriteString("T*\n")
		}
		b.WriteString(pdfString(l) + " Tj\n")
	}
	b.WriteString("ET\n")
	return b.String()
}

// pdfImagePage is a content stream that only paints the image /Im1.
const pdfImagePage = "q 200 0 0 200 72 500 cm /Im1 Do Q\n"

// makePDF writes a valid PDF, cross-reference table included, with one
// page per content stream, Helvetica as /F1, a 2x2 grey image as /Im1 and
// the title in the document information.
func makePDF(tb testing.TB, title string, pages ...string) []byte {
	tb.Helper()
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	add("<< /Type /Catalog /Pages 2 0 R >>")
	add("") // pages, filled below
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	img := add("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray " +
		"/BitsPerComponent 8 /Length 4 >>\nstream\n\x10\x80\x80\x10\nendstream")
	info := add("<< /Title " + pdfString(title) + " /Producer (hoidap test) >>")
	var kids []string
	for _, content := range pages {
		c := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content))
		p := add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "+
			"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>", c, font, img))
		kids = append(kids, fmt.Sprintf("%d 0 R", p))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, info, xref)
	return b.Bytes()
}

// zipPart is one member of a DOCX archive.
type zipPart struct{ name, body string }

// makeZip writes the parts into a zip archive with Deflate.
func makeZip(tb testing.TB, parts ...zipPart) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// docxPara is a w:p with an optional style and list numbering.
func docxPara(style, text string, list bool) string {
	var ppr string
	if style != "" || list {
		ppr = "<w:pPr>"
		if style != "" {
			ppr += `<w:pStyle w:val="` + style + `"/>`
		}
		if list {
			ppr += `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`
		}
		ppr += "</w:pPr>"
	}
	return "<w:p>" + ppr + `<w:r><w:t xml:space="preserve">` + text + "</w:t></w:r></w:p>"
}

// makeDOCX writes a DOCX whose styles.xml names the localised style ID
// "u1" "heading 1", as Vietnamese Word does, with the given body XML.
func makeDOCX(tb testing.TB, body string) []byte {
	tb.Helper()
	return makeZip(tb,
		zipPart{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		zipPart{"word/styles.xml", `<?xml version="1.0"?><w:styles ` + wordNS + `>` +
			`<w:style w:type="paragraph" w:styleId="u1"><w:name w:val="heading 1"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>`},
		zipPart{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNS +
			`><w:body>` + body + `</w:body></w:document>`},
	)
}
