package upload

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/hoidap/hoidap/internal/fault"
	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// parsePDF reads the text layer with PDFium, in a child process when one
// is set (SetPDFChild), else in this one.
func parsePDF(data []byte, lim Limits) (title, body string, err error) {
	if child := engine.childRunner(); child != nil {
		return engine.readInChild(child, data, lim)
	}
	return readPDFHere(data, lim)
}

// readPDFHere reads the text layer with PDFium in this process, line by
// line with the size and weight of each line's font, and lays it out as
// Markdown-ish text whose headings come from the document's own larger or
// bold lines.
func readPDFHere(data []byte, lim Limits) (title, body string, err error) {
	if err := inflatedWithin(data, lim.MaxUnzipped); err != nil {
		return "", "", err
	}
	var (
		pages []pdfPage
		meta  string
	)
	err = engine.run(lim.Timeout, func(p pdfium.Pdfium) error {
		var err error
		pages, meta, err = readPDF(p, data, lim)
		return err
	})
	if err != nil {
		var e *fault.Error
		if errors.As(err, &e) || errors.Is(err, errPDFiumInit) {
			return "", "", err
		}
		return "", "", errBroken("PDF", err)
	}
	title, body = layoutPDF(pages)
	if strings.TrimSpace(body) == "" && title == "" {
		return "", "", errScanned
	}
	if title == "" {
		title = cleanMetaTitle(meta)
	}
	if first, _, _ := strings.Cut(body, "\n"); title == "" && len([]rune(first)) <= maxTitleLine {
		title = strings.TrimLeft(first, "# ")
	}
	return title, body, nil
}

// readPDF opens the document in PDFium and reads every page's lines.
func readPDF(p pdfium.Pdfium, data []byte, lim Limits) ([]pdfPage, string, error) {
	doc, err := p.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		if errors.Is(err, pdfiumerrors.ErrPassword) || errors.Is(err, pdfiumerrors.ErrSecurity) {
			return nil, "", errEncrypted
		}
		return nil, "", err
	}
	defer p.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	count, err := p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, "", err
	}
	switch {
	case count.PageCount > lim.MaxPages:
		return nil, "", errTooManyPages(lim.MaxPages)
	case count.PageCount <= 0:
		return nil, "", errors.New("no pages")
	}
	var (
		pages []pdfPage
		total int64
	)
	for i := range count.PageCount {
		page, err := readPage(p, doc.Document, i)
		if err != nil {
			return nil, "", fmt.Errorf("page %d: %w", i+1, err)
		}
		for _, l := range page.lines {
			total += int64(len(l.text))
		}
		if total > lim.MaxUnzipped {
			return nil, "", errUnzippedTooLarge(lim.MaxUnzipped)
		}
		pages = append(pages, page)
	}
	meta, _ := p.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc.Document, Tag: "Title"})
	if meta == nil {
		return pages, "", nil
	}
	return pages, meta.Value, nil
}

// readPage reads one page's text as PDFium orders it, cut into lines,
// with the font of each line read at its first and middle letters.
func readPage(p pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (pdfPage, error) {
	page, err := p.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return pdfPage{}, err
	}
	defer p.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: page.Page})
	tp, err := p.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &page.Page}})
	if err != nil {
		return pdfPage{}, err
	}
	defer p.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := p.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil || n.Count <= 0 {
		return pdfPage{}, err
	}
	text, err := p.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, StartIndex: 0, Count: n.Count})
	if err != nil {
		return pdfPage{}, err
	}
	runes := []rune(text.Text)
	// Char indices are UTF-16 units; they match runes when no character
	// lies outside the BMP, as in Vietnamese. Otherwise fonts are not read.
	aligned := len(runes) <= n.Count && !strings.ContainsFunc(text.Text, func(r rune) bool { return r > 0xffff })
	font := func(i int) pdfFont {
		if !aligned {
			return pdfFont{}
		}
		size, err := p.FPDFText_GetFontSize(&requests.FPDFText_GetFontSize{TextPage: tp.TextPage, Index: i})
		if err != nil {
			return pdfFont{}
		}
		f := pdfFont{size: size.FontSize}
		if info, err := p.FPDFText_GetFontInfo(&requests.FPDFText_GetFontInfo{TextPage: tp.TextPage, Index: i}); err == nil {
			name := strings.ToLower(info.FontName)
			f.bold = strings.Contains(name, "bold") || strings.Contains(name, "heavy") || strings.Contains(name, "black") ||
				info.Flags&(1<<18) != 0 // ForceBold
		}
		return f
	}
	var out pdfPage
	start := 0
	for i := 0; i <= len(runes); i++ {
		if i < len(runes) && runes[i] != '\n' && runes[i] != '\r' {
			continue
		}
		line := cleanLine(runes[start:i])
		if line != "" {
			first, last := start, i-1
			for first < i && !unicode.IsLetter(runes[first]) && !unicode.IsDigit(runes[first]) {
				first++
			}
			a, b := font(first), font((first+last)/2)
			out.lines = append(out.lines, pdfLine{text: line, size: max(a.size, b.size), bold: a.bold && b.bold})
		}
		start = i + 1
	}
	return out, nil
}

// cleanLine drops control characters and the replacement character, and
// collapses white space.
func cleanLine(rs []rune) string {
	s := strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == 0xa0:
			return ' '
		case r < 0x20, r == 0xfffd, r == 0xfffe, r == 0xffff:
			return -1
		}
		return r
	}, string(rs))
	return strings.Join(strings.Fields(s), " ")
}

// cleanMetaTitle is the document information title, without the
// "Microsoft Word - x.docx" that printing to PDF leaves there.
func cleanMetaTitle(t string) string {
	t = oneLine(t)
	t = strings.TrimPrefix(t, "Microsoft Word - ")
	for _, ext := range []string{".docx", ".doc", ".odt", ".pdf", ".html", ".htm"} {
		t = strings.TrimSuffix(t, ext)
	}
	switch strings.ToLower(t) {
	case "untitled", "untitled document", "document", "about:blank":
		return ""
	}
	return t
}

// inflatedWithin inflates every Flate stream of the file, counting bytes,
// and refuses a file whose streams add up to more than max, with a
// message that says so, before PDFium is asked to read it.
func inflatedWithin(data []byte, max int64) error {
	total := int64(0)
	kw := []byte("stream")
	for off := 0; ; {
		i := bytes.Index(data[off:], kw)
		if i < 0 {
			return nil
		}
		at := off + i
		off = at + len(kw)
		if at >= 3 && string(data[at-3:at]) == "end" {
			continue
		}
		body := bytes.TrimPrefix(bytes.TrimPrefix(data[off:], []byte("\r")), []byte("\n"))
		zr, err := zlib.NewReader(bytes.NewReader(body))
		if err != nil {
			continue
		}
		n, _ := io.Copy(io.Discard, io.LimitReader(zr, max-total+1))
		total += n
		if total > max {
			return errUnzippedTooLarge(max)
		}
	}
}
