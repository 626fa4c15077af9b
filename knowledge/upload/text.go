package upload

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"

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

// parseGzip decompresses at most lim.MaxUnzipped bytes and reads the
// portal's records from them: gzip is accepted for those only.
func parseGzip(data []byte, name string, lim Limits) ([]knowledge.Document, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, errBroken("gzip", err)
	}
	defer zr.Close()
	raw, err := io.ReadAll(io.LimitReader(zr, lim.MaxUnzipped+1))
	if err != nil {
		return nil, errBroken("gzip", err)
	}
	if int64(len(raw)) > lim.MaxUnzipped {
		return nil, errUnzippedTooLarge(lim.MaxUnzipped)
	}
	text, err := textOf(raw)
	if err != nil {
		return nil, err
	}
	if !looksJSON(text) {
		return nil, errUnsupported("tệp nén gzip không chứa JSON của Cổng Dịch vụ công (gzip without portal JSON)", "")
	}
	return parsePortal(strings.NewReader(text), name)
}
