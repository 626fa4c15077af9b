package upload

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/hoidap/hoidap/internal/fault"
)

// errBomb stops reading a zip member that decompresses past the limit.
var errBomb = errors.New("decompressed size over the limit")

// Bounds on the XML of a DOCX. Word nests tables in tables and text
// boxes in drawings some dozens of levels deep and writes some thousand
// elements a page; XML made to cost memory nests millions of paragraphs,
// each level of which the decoder remembers.
const (
	maxXMLDepth    = 256
	maxXMLElements = 2_000_000
)

var (
	errXMLDepth    = errors.New("XML nested too deeply")
	errXMLElements = errors.New("too many XML elements")
	errDOCXText    = errors.New("text over the limit")
)

// xmlBounds counts the elements read from a DOCX's parts and the depth
// of the current one.
type xmlBounds struct{ depth, elements int }

func (b *xmlBounds) see(tok xml.Token) error {
	switch tok.(type) {
	case xml.StartElement:
		b.depth++
		b.elements++
		if b.depth > maxXMLDepth {
			return errXMLDepth
		}
		if b.elements > maxXMLElements {
			return errXMLElements
		}
	case xml.EndElement:
		b.depth--
	}
	return nil
}

// parseDOCX reads the paragraphs, headings, lists and tables of
// word/document.xml. Members are decompressed with their declared sizes
// checked and the bytes actually read counted, against zip bombs.
func parseDOCX(data []byte, lim Limits) (title, body string, err error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", "", errBroken("DOCX/ZIP", err)
	}
	var doc, styles *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			doc = f
		case "word/styles.xml":
			styles = f
		}
	}
	if doc == nil {
		return "", "", errUnsupported("tệp nén ZIP không phải DOCX (zip archive that is not DOCX)", "")
	}
	budget := lim.MaxUnzipped
	levels := map[string]int{}
	bounds := &xmlBounds{}
	if styles != nil {
		if err := readMember(styles, &budget, func(r io.Reader) error { return styleLevels(r, levels, bounds) }); err != nil {
			return "", "", docxError(err, lim)
		}
	}
	bounds.depth = 0
	w := docxWriter{levels: levels, bounds: bounds, maxText: int(lim.MaxText)}
	if err := readMember(doc, &budget, w.read); err != nil {
		return "", "", docxError(err, lim)
	}
	return w.title, w.out.String(), nil
}

func docxError(err error, lim Limits) error {
	switch {
	case errors.Is(err, errBomb):
		return errUnzippedTooLarge(lim.MaxUnzipped)
	case errors.Is(err, errDOCXText):
		return errTextTooLong(lim.MaxText)
	case errors.Is(err, errXMLDepth):
		return &fault.Error{Reason: ErrTooLarge, Cause: err, Message: fmt.Sprintf(
			"Tệp DOCX lồng nhau quá sâu (hơn %d cấp): không đọc được như một văn bản Word. "+
				"(DOCX nested more than %d levels deep)", maxXMLDepth, maxXMLDepth)}
	case errors.Is(err, errXMLElements):
		return &fault.Error{Reason: ErrTooLarge, Cause: err, Message: fmt.Sprintf(
			"Tệp DOCX có quá nhiều phần tử (hơn %d): hãy chia thành nhiều tệp nhỏ hơn. "+
				"(DOCX has more than %d elements)", maxXMLElements, maxXMLElements)}
	}
	return errBroken("DOCX", err)
}

// readMember opens f and hands fn a reader that fails with errBomb once
// more than *budget bytes come out, whatever the header declared.
func readMember(f *zip.File, budget *int64, fn func(io.Reader) error) error {
	if f.UncompressedSize64 > uint64(*budget) {
		return errBomb
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	cr := &countingReader{r: io.LimitReader(rc, *budget+1), left: *budget}
	err = fn(cr)
	*budget = cr.left
	if cr.over {
		return errBomb
	}
	return err
}

type countingReader struct {
	r    io.Reader
	left int64
	over bool
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		c.over = true
		return n, errBomb
	}
	return n, err
}

// styleLevels maps style IDs to heading levels (0 for Title) by their
// names ("heading 1", "Title") or outline level, since localised Word
// gives styles IDs of its own.
func styleLevels(r io.Reader, levels map[string]int, bounds *xmlBounds) error {
	dec := xml.NewDecoder(r)
	var id string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := bounds.see(tok); err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "style":
			id = attr(se, "styleId")
		case "name":
			if l, ok := headingLevel(attr(se, "val")); ok && id != "" {
				levels[id] = l
			}
		case "outlineLvl":
			if n, err := strconv.Atoi(attr(se, "val")); err == nil && n < 9 && id != "" {
				if _, named := levels[id]; !named {
					levels[id] = n + 1
				}
			}
		}
	}
}

// headingLevel reads "Heading1", "heading 2", "Title" as 1, 2, 0.
func headingLevel(style string) (int, bool) {
	s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	if s == "title" {
		return 0, true
	}
	if rest, ok := strings.CutPrefix(s, "heading"); ok {
		if n, err := strconv.Atoi(rest); err == nil && n >= 1 && n <= 9 {
			return n, true
		}
	}
	return 0, false
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
