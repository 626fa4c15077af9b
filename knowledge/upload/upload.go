// Package upload turns a file uploaded by an administrator into knowledge
// documents: PDF (text layer), DOCX, HTML, Markdown, plain UTF-8 text and
// the national portal's procedure records as JSON, JSON Lines or gzip.
//
// The type is found from the content, never from the name alone, and every
// refusal is an *fault.Error with a message the admin pages can show as it is.
// Parsing is bounded in size, decompressed size, pages and time, and never
// panics on hostile input.
package upload

import (
	"bytes"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/hoidap/hoidap/knowledge"
)

// Default limits, used for zero fields of Limits.
const (
	DefaultMaxBytes    = 20 << 20
	DefaultMaxUnzipped = 50 << 20
	DefaultMaxPages    = 500
	DefaultTimeout     = 20 * time.Second
	// DefaultMaxText bounds the text read out of one file: about 600
	// pages, and about 1,100 passages of knowledge's length.
	DefaultMaxText = 2 << 20
)

// Limits bound what one upload may cost. Zero fields take the defaults.
type Limits struct {
	MaxBytes    int64         // size of the file as uploaded (20 MB)
	MaxUnzipped int64         // decompressed DOCX, gzip and PDF streams (50 MB)
	MaxPages    int           // PDF pages (500)
	Timeout     time.Duration // PDF text extraction (20 s)
	MaxText     int64         // text read out of the file (2 MB)
	// MaxPassages bounds the passages of each document
	// (knowledge.MaxPassages): what indexing one costs in memory and time.
	MaxPassages int
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxUnzipped <= 0 {
		l.MaxUnzipped = DefaultMaxUnzipped
	}
	if l.MaxPages <= 0 {
		l.MaxPages = DefaultMaxPages
	}
	if l.Timeout <= 0 {
		l.Timeout = DefaultTimeout
	}
	if l.MaxText <= 0 {
		l.MaxText = DefaultMaxText
	}
	if l.MaxPassages <= 0 {
		l.MaxPassages = knowledge.MaxPassages
	}
	return l
}

// File is an uploaded file.
type File struct {
	Name string // as sent by the browser; only used for Source and a fallback title
	Data []byte
}

// Parse reads f and returns its documents: one article for PDF, DOCX, HTML,
// Markdown and text, or one procedure per record for the portal's JSON.
// Article bodies are Markdown-ish text whose "## " headings knowledge.Split
// cuts passages along. ID, Commune and Updated are left for the caller;
// Source is the sanitised file name. Errors are *fault.Error values wrapping
// knowledge.ErrInvalid.
func Parse(f File, lim Limits) ([]knowledge.Document, error) {
	lim = lim.withDefaults()
	name := SafeName(f.Name)
	data := f.Data
	if int64(len(data)) > lim.MaxBytes {
		return nil, errTooLarge(lim.MaxBytes)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errEmpty
	}
	if err := refuseBinary(data); err != nil {
		return nil, err
	}
	var (
		title, body string
		err         error
	)
	switch {
	case pdfStart(data) >= 0:
		title, body, err = parsePDF(data[pdfStart(data):], lim)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		title, body, err = parseDOCX(data, lim)
	case bytes.HasPrefix(data, []byte{0x1f, 0x8b}):
		docs, err := parseGzip(data, name, lim)
		if err != nil {
			return nil, err
		}
		return bounded(docs, lim)
	default:
		text, terr := textOf(data)
		if terr != nil {
			return nil, terr
		}
		switch {
		case looksJSON(text):
			docs, err := parsePortal(strings.NewReader(text), name)
			if err != nil {
				return nil, err
			}
			return bounded(docs, lim)
		case looksHTML(text):
			title, body = parseHTML(text)
		case int64(len(text)) > lim.MaxText:
			return nil, errTextTooLong(lim.MaxText)
		default:
			title, body = parseText(text)
		}
	}
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > lim.MaxText {
		return nil, errTextTooLong(lim.MaxText)
	}
	body = strings.TrimSpace(norm.NFC.String(body))
	if body == "" {
		return nil, errEmpty
	}
	title = oneLine(norm.NFC.String(title))
	if title == "" {
		title = strings.TrimSuffix(name, path.Ext(name))
	}
	docs := []knowledge.Document{{Kind: knowledge.KindArticle, Title: title, Source: name, Body: body}}
	return bounded(docs, lim)
}

// bounded returns docs unless knowledge would cut one of them into more
// passages than lim.MaxPassages: the bound that keeps indexing an upload
// within its memory and time, however the text is laid out (a heading
// every line makes a passage every line).
func bounded(docs []knowledge.Document, lim Limits) ([]knowledge.Document, error) {
	for i := range docs {
		if knowledge.PassagesOver(&docs[i], lim.MaxPassages) {
			return nil, errTooManyPassages(docs[i].Title, lim.MaxPassages)
		}
	}
	return docs, nil
}

// refuseBinary rejects executables, images and other binary formats by
// their magic bytes, whatever the file is called.
func refuseBinary(b []byte) error {
	has := func(p string) bool { return bytes.HasPrefix(b, []byte(p)) }
	switch {
	case has("\x7fELF"), has("MZ"), has("\xfe\xed\xfa\xce"), has("\xfe\xed\xfa\xcf"),
		has("\xce\xfa\xed\xfe"), has("\xcf\xfa\xed\xfe"), has("\xca\xfe\xba\xbe"), has("#!"),
		has("\x00asm"):
		return errUnsupported("tệp chương trình (executable)", "")
	case has("\x89PNG"), has("\xff\xd8\xff"), has("GIF87a"), has("GIF89a"), has("II*\x00"), has("MM\x00*"),
		has("BM") && len(b) > 14 && b[6] == 0 && b[7] == 0, len(b) > 12 && has("RIFF") && string(b[8:12]) == "WEBP",
		len(b) > 12 && string(b[4:12]) == "ftypheic", len(b) > 12 && string(b[4:12]) == "ftypavif":
		return errUnsupported("tệp ảnh (image)", "Ảnh chụp văn bản cần được chuyển thành PDF có chữ hoặc DOCX.")
	case has("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
		return errUnsupported("tệp Word/Excel cũ (.doc/.xls)", "Hãy mở bằng Word và lưu lại dưới dạng DOCX.")
	case has("Rar!"), has("7z\xbc\xaf\x27\x1c"), has("BZh"), has("\xfd7zXZ\x00"), has("\x28\xb5\x2f\xfd"):
		return errUnsupported("tệp nén (archive)", "")
	}
	return nil
}

// pdfStart returns where the PDF header is (it may follow up to 1 KB of
// junk, as readers allow), or -1.
func pdfStart(b []byte) int {
	head := b[:min(len(b), 1024)]
	return bytes.Index(head, []byte("%PDF-"))
}

// textOf returns b as NFC text without a byte order mark, or an error if
// b is binary or not UTF-8.
func textOf(b []byte) (string, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if err := sniffText(b); err != nil {
		return "", err
	}
	if !utf8.Valid(b) {
		return "", errUTF8
	}
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	return norm.NFC.String(strings.ReplaceAll(s, "\r", "\n")), nil
}

// sniffText refuses the start of a file, after any byte order mark, that
// is UTF-16 or binary: a NUL or more than eight control characters in its
// first 8 KB.
func sniffText(b []byte) error {
	if bytes.HasPrefix(b, []byte("\xff\xfe")) || bytes.HasPrefix(b, []byte("\xfe\xff")) {
		return errUTF8 // UTF-16
	}
	controls := 0
	for _, c := range b[:min(len(b), 8192)] {
		if c == 0 {
			return errUnsupported("tệp nhị phân không rõ loại (unknown binary)", "")
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			controls++
		}
	}
	if controls > 8 {
		return errUnsupported("tệp nhị phân không rõ loại (unknown binary)", "")
	}
	return nil
}

// oneLine collapses white space and cuts a title to a readable length.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const max = 200
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max])
	}
	return s
}
