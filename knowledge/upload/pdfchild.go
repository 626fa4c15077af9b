package upload

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"sync/atomic"
	"time"

	"github.com/hoidap/hoidap/internal/fault"
)

// PDFChild runs a child process that reads one PDF: what it reads on in
// goes to the child's standard input, and the child's standard output to
// out (ServePDFChild is the child's side). It ends the child when ctx is
// done and returns how the child ended: an *exec.ExitError for a child
// that ran and failed, any other error for one that could not start.
type PDFChild func(ctx context.Context, in io.Reader, out io.Writer) error

// pdfChildGrace is what a child is given beyond Limits.Timeout, which
// bounds only its parse: starting and loading PDFium from the
// compilation cache (0.2–0.5 s), or compiling it when the cache cannot be
// used (7–35 s on a 2-core machine).
const pdfChildGrace = time.Minute

// pdfChild is the child that reads PDFs, when main set one: a pointer,
// since parsePDF reads it without taking the engine's turn.
var pdfChild atomic.Pointer[PDFChild]

// SetPDFChild makes uploads read each PDF in a child process run by
// child, one at a time, so that this process never loads PDFium (some
// 35 MB) nor holds its linear memory (up to 64 MiB a document): it keeps
// only the file and the text read. A nil child reads PDFs in this
// process. The compile function of SetPDFCompiler, if any, still runs
// once first, so the child only loads PDFium from the cache. The child
// must be another process: ServePDFChild run in this one would wait for
// the turn its parent holds, until the timeout.
func SetPDFChild(child PDFChild) {
	if child == nil {
		pdfChild.Store(nil)
		return
	}
	pdfChild.Store(&child)
}

func (e *pdfEngine) childRunner() PDFChild {
	if p := pdfChild.Load(); p != nil {
		return *p
	}
	return nil
}

// readInChild reads data in a child process, waiting for its turn as
// the engine in this process does: one PDF at a time.
func (e *pdfEngine) readInChild(child PDFChild, data []byte, lim Limits) (title, body string, err error) {
	wait, cancelWait := context.WithTimeout(context.Background(), lim.Timeout)
	defer cancelWait()
	select {
	case e.turn <- struct{}{}:
	case <-wait.Done():
		return "", "", errBroken("PDF", errors.New("timed out waiting for the PDF engine"))
	}
	defer func() { <-e.turn }()
	if e.compile != nil && !e.compiled {
		e.compiled = true
		_ = e.compile() // on failure the child compiles for itself
	}
	ctx, cancel := context.WithTimeout(context.Background(), lim.Timeout+pdfChildGrace)
	defer cancel()
	in := io.MultiReader(bytes.NewReader(pdfChildHeader(lim)), bytes.NewReader(data))
	// The result is the text, at most MaxText, escaped as JSON (\n is
	// two bytes; control characters are already gone), and the title.
	out := &cappedBuffer{max: 2*lim.MaxText + 1<<20}
	runErr := child(ctx, in, out)
	switch {
	case out.over:
		return "", "", errTextTooLong(lim.MaxText)
	case ctx.Err() != nil:
		return "", "", errBroken("PDF", fmt.Errorf("extraction timed out: the PDF reader was stopped after %s", lim.Timeout+pdfChildGrace))
	}
	if title, body, err, ok := decodePDFResult(out.Bytes()); ok {
		return title, body, err
	}
	if exit, ok := errors.AsType[*exec.ExitError](runErr); ok {
		// Killed (out of memory) or crashed on this file.
		return "", "", errBroken("PDF", fmt.Errorf("the PDF reader ended without a result: %w", exit))
	}
	if runErr == nil {
		runErr = errors.New("the PDF reader gave no result")
	}
	return "", "", fmt.Errorf("%w: %w", errPDFiumInit, runErr)
}

// pdfChildLimits is the first line a child reads: the limits the parse
// is held to, before the file's bytes.
type pdfChildLimits struct {
	MaxBytes    int64         `json:"max_bytes"`
	MaxUnzipped int64         `json:"max_unzipped"`
	MaxPages    int           `json:"max_pages"`
	Timeout     time.Duration `json:"timeout"`
	MaxText     int64         `json:"max_text"`
}

func pdfChildHeader(lim Limits) []byte {
	b, _ := json.Marshal(pdfChildLimits{lim.MaxBytes, lim.MaxUnzipped, lim.MaxPages, lim.Timeout, lim.MaxText})
	return append(b, '\n')
}

// ServePDFChild is the child of SetPDFChild: it reads the limits and one
// PDF from in, reads its text in this process, and writes the title and
// text, or the refusal, to out as JSON. It returns an error only when in
// or out fail: a refused file is a result.
func ServePDFChild(in io.Reader, out io.Writer) error {
	r := bufio.NewReader(in)
	line, err := r.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("upload: read the PDF child's limits: %w", err)
	}
	var l pdfChildLimits
	if err := json.Unmarshal(line, &l); err != nil {
		return fmt.Errorf("upload: read the PDF child's limits: %w", err)
	}
	lim := Limits{MaxBytes: l.MaxBytes, MaxUnzipped: l.MaxUnzipped, MaxPages: l.MaxPages, Timeout: l.Timeout, MaxText: l.MaxText}.withDefaults()
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return fmt.Errorf("upload: read the PDF: %w", err)
	}
	var title, body string
	if int64(len(data)) > lim.MaxBytes {
		err = errTooLarge(lim.MaxBytes)
	} else {
		title, body, err = readPDFHere(data, lim)
	}
	if err == nil && int64(len(body)) > lim.MaxText {
		title, body, err = "", "", errTextTooLong(lim.MaxText)
	}
	return encodePDFResult(out, title, body, err)
}

// pdfResult is what a child writes: the title and text, or a refusal
// that the parent turns back into the same error.
type pdfResult struct {
	Title   string `json:"title,omitempty"`
	Body    string `json:"body,omitempty"`
	Refused string `json:"refused,omitempty"` // a key of pdfRefusals
	Message string `json:"message,omitempty"` // the refusal's message for the user
	Cause   string `json:"cause,omitempty"`   // for the log
}

// pdfRefusals names the reasons a PDF is refused for, errPDFiumInit (an
// error of the server) among them.
var pdfRefusals = map[string]error{
	"too_large": ErrTooLarge,
	"broken":    ErrBroken,
	"scanned":   ErrScanned,
	"encrypted": ErrEncrypted,
	"engine":    errPDFiumInit,
}

func encodePDFResult(w io.Writer, title, body string, err error) error {
	res := pdfResult{Title: title, Body: body}
	if err != nil {
		res = pdfResult{Refused: "broken", Cause: err.Error()}
		if errors.Is(err, errPDFiumInit) {
			res.Refused = "engine"
		} else if f, ok := errors.AsType[*fault.Error](err); ok {
			for name, reason := range pdfRefusals {
				if f.Reason == reason {
					res.Refused = name
				}
			}
			res.Message, res.Cause = f.Message, ""
			if f.Cause != nil {
				res.Cause = f.Cause.Error()
			}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}

// decodePDFResult turns a child's output back into the title and text or
// the error it reports; ok is false for output that is not a result.
func decodePDFResult(b []byte) (title, body string, err error, ok bool) {
	var res pdfResult
	if json.Unmarshal(b, &res) != nil {
		return "", "", nil, false
	}
	if res.Refused == "" {
		return res.Title, res.Body, nil, true
	}
	reason, known := pdfRefusals[res.Refused]
	switch {
	case !known:
		return "", "", nil, false
	case reason == errPDFiumInit:
		return "", "", fmt.Errorf("%w: %s", errPDFiumInit, res.Cause), true
	case res.Message == "":
		return "", "", errBroken("PDF", errors.New(res.Cause)), true
	}
	f := &fault.Error{Reason: reason, Message: res.Message}
	if res.Cause != "" {
		f.Cause = errors.New(res.Cause)
	}
	return "", "", f, true
}

// cappedBuffer keeps at most max bytes and fails the writes past them.
type cappedBuffer struct {
	bytes.Buffer
	max  int64
	over bool
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if int64(b.Len()+len(p)) > b.max {
		b.over = true
		return 0, errors.New("upload: the PDF child wrote too much")
	}
	return b.Buffer.Write(p)
}
