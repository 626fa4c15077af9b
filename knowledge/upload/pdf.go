package upload

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// errStop is panicked inside the content interpreter to stop it when the
// deadline passes or the text grows past the limit.
var errStop = errors.New("pdf: extraction budget exhausted")

// errPages is returned by the page walk for a document over MaxPages.
var errPages = errors.New("pdf: too many pages")

type pdfResult struct {
	title, body string
	err         error
}

// parsePDF extracts the text layer. The third-party reader runs in its own
// goroutine behind a recover and a timeout, so a hostile file costs at most
// lim.Timeout and is reported as broken, never as a crash.
func parsePDF(data []byte, lim Limits) (title, body string, err error) {
	if err := inflatedWithin(data, lim.MaxUnzipped); err != nil {
		return "", "", err
	}
	done := make(chan pdfResult, 1)
	deadline := time.Now().Add(lim.Timeout)
	go func() {
		var res pdfResult
		defer func() {
			if p := recover(); p != nil {
				res = pdfResult{err: errBroken("PDF", fmt.Errorf("panic: %v", p))}
			}
			done <- res
		}()
		res.title, res.body, res.err = extractPDF(data, lim, deadline)
	}()
	timer := time.NewTimer(lim.Timeout + time.Second)
	defer timer.Stop()
	select {
	case res := <-done:
		return res.title, res.body, res.err
	case <-timer.C:
		return "", "", errBroken("PDF", errors.New("extraction timed out"))
	}
}

func extractPDF(data []byte, lim Limits, deadline time.Time) (title, body string, err error) {
	r, err := pdf.NewReader(headerFix{data}, int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
			return "", "", errEncrypted
		}
		return "", "", errBroken("PDF", err)
	}
	pages, err := pageList(r.Trailer().Key("Root").Key("Pages"), lim.MaxPages)
	if errors.Is(err, errPages) {
		return "", "", errTooManyPages(lim.MaxPages)
	}
	if err != nil {
		return "", "", errBroken("PDF", err)
	}
	if len(pages) == 0 {
		return "", "", errBroken("PDF", errors.New("no pages"))
	}
	t := textSink{deadline: deadline, max: lim.MaxUnzipped}
	for i, p := range pages {
		if i > 0 {
			t.b.WriteString("\n\n")
		}
		if err := t.page(p); err != nil {
			if errors.Is(err, errStop) && time.Now().Before(deadline) {
				return "", "", errUnzippedTooLarge(lim.MaxUnzipped)
			}
			return "", "", errBroken("PDF", err)
		}
	}
	body = tidyLines(t.b.String())
	if strings.TrimSpace(body) == "" {
		return "", "", errScanned
	}
	title = metaTitle(r)
	if first, _, _ := strings.Cut(body, "\n"); title == "" && len([]rune(first)) <= maxTitleLine {
		title = first
	}
	return title, body, nil
}

// pageList walks the page tree with bounded depth and visits, since a
// hostile tree may loop.
func pageList(root pdf.Value, maxPages int) ([]pdf.Page, error) {
	var pages []pdf.Page
	visits := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		visits++
		if depth > 64 || visits > 4*maxPages+1000 {
			return errors.New("pdf: page tree too deep or cyclic")
		}
		switch v.Key("Type").Name() {
		case "Page":
			if len(pages) >= maxPages {
				return errPages
			}
			pages = append(pages, pdf.Page{V: v})
		default: // "Pages", or a node missing its type
			kids := v.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return pages, walk(root, 0)
}

// metaTitle is the document information title, without the "Microsoft
// Word - x.docx" that printing to PDF leaves there.
func metaTitle(r *pdf.Reader) string {
	t := oneLine(r.Trailer().Key("Info").Key("Title").Text())
	t = strings.TrimPrefix(t, "Microsoft Word - ")
	for _, ext := range []string{".docx", ".doc", ".pdf"} {
		t = strings.TrimSuffix(t, ext)
	}
	switch strings.ToLower(t) {
	case "untitled", "untitled document", "document":
		return ""
	}
	return t
}

// headerFix presents a "%PDF-1.7\n" header to the reader, which refuses
// PDF 2.0 and headers followed by a space, whatever the body holds.
type headerFix struct{ data []byte }

func (h headerFix) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 || off >= int64(len(h.data)) {
		return 0, io.EOF
	}
	n := copy(p, h.data[off:])
	const fixed = "%PDF-1.7\n"
	for i := 0; i < n && off+int64(i) < int64(len(fixed)) && len(h.data) >= len(fixed); i++ {
		p[i] = fixed[off+int64(i)]
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// inflatedWithin inflates every Flate stream of the file, counting bytes,
// and refuses a file whose streams add up to more than max: the reader
// would otherwise inflate a PDF bomb into memory.
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
