package upload

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/hoidap/hoidap/internal/fault"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/portal"
)

// maxTitleLine is the longest first line of plain text taken as a title.
const maxTitleLine = 160

// parseText reads Markdown or plain text. Markdown's first "# " heading is
// the title; plain text's first line is, if it is short. Headings deeper
// than "#" stay in the body for knowledge.Split.
func parseText(text string) (title, body string) {
	if hasMarkdownHeading(text) {
		title, body = knowledge.MarkdownTitle(text)
		if title != "" {
			return title, body
		}
		return firstHeading(body), body
	}
	text = strings.TrimSpace(text)
	first, rest, _ := strings.Cut(text, "\n")
	if first = strings.TrimSpace(first); len([]rune(first)) <= maxTitleLine && strings.TrimSpace(rest) != "" {
		return first, rest
	}
	return "", text
}

func hasMarkdownHeading(text string) bool {
	for line := range strings.SplitSeq(text, "\n") {
		if h := strings.TrimLeft(strings.TrimSpace(line), "#"); len(h) < len(strings.TrimSpace(line)) &&
			strings.HasPrefix(h, " ") && strings.TrimSpace(h) != "" {
			return true
		}
	}
	return false
}

func firstHeading(body string) string {
	for line := range strings.SplitSeq(body, "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "#") {
			return strings.TrimSpace(strings.TrimLeft(t, "#"))
		}
	}
	return ""
}

// looksJSON reports text that starts like a JSON object or array.
func looksJSON(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return false
	}
	if t[0] == '{' {
		return true
	}
	// "[" alone could start a Markdown link; JSON arrays of records hold "{".
	return t[0] == '[' && strings.HasPrefix(strings.TrimSpace(t[1:]), "{")
}

// looksHTML reports text that starts with markup and has HTML elements.
func looksHTML(text string) bool {
	head := strings.ToLower(text[:min(len(text), 4096)])
	if strings.Contains(head, "<!doctype html") {
		return true
	}
	if !strings.HasPrefix(strings.TrimSpace(head), "<") {
		return false
	}
	for _, tag := range []string{"<html", "<head", "<body", "<title", "<p>", "<p ", "<div", "<h1", "<h2", "<table", "<ul"} {
		if strings.Contains(head, tag) {
			return true
		}
	}
	return false
}

// parsePortal reads the portal's records into procedure documents.
func parsePortal(r io.Reader, name string) ([]knowledge.Document, error) {
	var docs []knowledge.Document
	err := portal.Read(r, func(rec portal.Record) error {
		d := rec.Document()
		d.ID, d.Source = "", name
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, &fault.Error{Reason: ErrUnsupported, Message: errNotPortal.Message, Cause: err}
	}
	if len(docs) == 0 {
		return nil, errEmpty
	}
	return docs, nil
}

// parseGzip reads the portal's records from a gzip stream, one record at
// a time, decompressing at most lim.MaxUnzipped bytes: gzip is accepted
// for those only. The decompressed file (42 MB for the portal's whole
// export) is never held, nor a copy of it as text: only the documents.
// Like a text file it must be UTF-8, and is read as NFC.
func parseGzip(data []byte, name string, lim Limits) ([]knowledge.Document, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, errBroken("gzip", err)
	}
	defer zr.Close()
	src := &unzipped{r: zr, left: lim.MaxUnzipped + 1}
	br := bufio.NewReaderSize(src, 64<<10)
	head, _ := br.Peek(8192)
	if err := src.fault(lim); err != nil {
		return nil, err
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if err := sniffText(head); err != nil {
		return nil, err
	}
	if !looksJSON(string(head)) {
		return nil, errUnsupported("tệp nén gzip không chứa JSON của Cổng Dịch vụ công (gzip without portal JSON)", "")
	}
	docs, err := parsePortal(norm.NFC.Reader(br), name)
	if ferr := src.fault(lim); ferr != nil {
		return nil, ferr
	}
	return docs, err
}

// errStop ends a read of a decompressed stream that unzipped refused.
var errStop = errors.New("upload: stream refused")

// unzipped reads a decompressed stream as long as it stays within its
// bound and is UTF-8, and remembers why it stopped otherwise.
type unzipped struct {
	r    io.Reader
	left int64 // bytes it may still read; reaching 0 is one too many
	// carry is an incomplete character at the end of the last read; buf
	// joins it to the next.
	carry, buf []byte
	over, bad  bool  // past the bound; not UTF-8
	broken     error // the gzip stream is corrupt or cut
}

func (u *unzipped) Read(p []byte) (int, error) {
	if u.over || u.bad || u.broken != nil {
		return 0, errStop
	}
	if int64(len(p)) > u.left {
		p = p[:u.left]
	}
	n, err := u.r.Read(p)
	if u.left -= int64(n); u.left <= 0 {
		u.over = true
		return 0, errStop
	}
	if err != nil && err != io.EOF {
		u.broken = err
		return 0, errStop
	}
	u.buf = append(append(u.buf[:0], u.carry...), p[:n]...)
	whole := len(u.buf)
	for i := 1; i <= utf8.UTFMax-1 && i <= len(u.buf); i++ {
		if utf8.RuneStart(u.buf[len(u.buf)-i]) {
			if !utf8.FullRune(u.buf[len(u.buf)-i:]) {
				whole = len(u.buf) - i
			}
			break
		}
	}
	u.carry = append(u.carry[:0], u.buf[whole:]...)
	if !utf8.Valid(u.buf[:whole]) || err == io.EOF && len(u.carry) > 0 {
		u.bad = true
		return 0, errStop
	}
	return n, err
}

// fault is the refusal for why u stopped, or nil.
func (u *unzipped) fault(lim Limits) error {
	switch {
	case u.over:
		return errUnzippedTooLarge(lim.MaxUnzipped)
	case u.broken != nil:
		return errBroken("gzip", u.broken)
	case u.bad:
		return errUTF8
	}
	return nil
}
