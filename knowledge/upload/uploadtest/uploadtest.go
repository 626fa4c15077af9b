// Package uploadtest builds real upload files for tests: PDFs with a text
// layer or only an image, DOCX archives as Vietnamese Word writes them, and
// zip bombs that lie about their size.
package uploadtest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"strings"
	"testing"
)

// PDFText escapes s for a PDF literal string.
func PDFText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return "(" + r.Replace(s) + ")"
}

// TextPage is a content stream that shows lines in Helvetica.
func TextPage(lines ...string) string {
	var b strings.Builder
	b.WriteString("BT /F1 12 Tf 72 720 Td 14 TL\n")
	for i, l := range lines {
		if i > 0 {
			b.WriteString("T*\n")
		}
		b.WriteString(PDFText(l) + " Tj\n")
	}
	b.WriteString("ET\n")
	return b.String()
}

// ImagePage is a content stream that only paints the image /Im1.
const ImagePage = "q 200 0 0 200 72 500 cm /Im1 Do Q\n"

// PDF writes a valid PDF, cross-reference table included, with one
// page per content stream, Helvetica as /F1, a 2x2 grey image as /Im1 and
// the title in the document information.
func PDF(tb testing.TB, title string, pages ...string) []byte {
	tb.Helper()
	var objs []string
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	add("<< /Type /Catalog /Pages 2 0 R >>")
	add("") // pages, filled below
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	img := add("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray " +
		"/BitsPerComponent 8 /Length 4 >>\nstream\n\x10\x80\x80\x10\nendstream")
	info := add("<< /Title " + PDFText(title) + " /Producer (hoidap test) >>")
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

// Part is one member of a DOCX archive.
type Part struct{ Name, Body string }

// Zip writes the parts into a zip archive with Deflate.
func Zip(tb testing.TB, parts ...Part) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.Name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(p.Body)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// Para is a w:p with an optional style and list numbering.
func Para(style, text string, list bool) string {
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

// BoldPara is a w:p without a style whose one run is bold, as a heading
// typed by hand is; the bold paragraph mark alone does not bold it.
func BoldPara(text string) string {
	return `<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t>` + text + "</w:t></w:r></w:p>"
}

// Table is a w:tbl of one paragraph per cell.
func Table(rows ...[]string) string {
	var b strings.Builder
	b.WriteString("<w:tbl>")
	for _, r := range rows {
		b.WriteString("<w:tr>")
		for _, c := range r {
			b.WriteString("<w:tc>" + Para("", c, false) + "</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	return b.String()
}

// DOCX writes a DOCX whose styles.xml names the localised style ID
// "u1" "heading 1", as Vietnamese Word does, with the given body XML.
func DOCX(tb testing.TB, body string) []byte {
	tb.Helper()
	return Zip(tb,
		Part{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		Part{"word/styles.xml", `<?xml version="1.0"?><w:styles ` + wNS + `>` +
			`<w:style w:type="paragraph" w:styleId="u1"><w:name w:val="heading 1"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>`},
		Part{"word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wNS +
			`><w:body>` + body + `</w:body></w:document>`},
	)
}

// RawZip writes one stored member whose header declares declared bytes
// while its deflated data holds real bytes of spaces: a lying zip bomb.
func RawZip(tb testing.TB, name string, real int, declared uint64) []byte {
	tb.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	data := bytes.Repeat([]byte(" "), real)
	_, _ = fw.Write(data)
	_ = fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(data),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared,
	})
	if err != nil {
		tb.Fatal(err)
	}
	_, _ = w.Write(comp.Bytes())
	_ = zw.Close()
	return buf.Bytes()
}
