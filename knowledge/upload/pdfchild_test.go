package upload_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os/exec"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/internal/fault"
	"github.com/hoidap/hoidap/knowledge/upload"
	"github.com/hoidap/hoidap/knowledge/upload/uploadtest"
)

// A child that gives no result, or too much, never passes for a PDF read
// (cmd/hoidap's TestPDFReadInChildAsInProcess runs the real child):
// a child that could not start is the server's error (not shown to the
// officer), too much text is refused as too long.
func TestPDFChildWithoutResult(t *testing.T) {
	pdf := uploadtest.PDF(t, "Thong bao", uploadtest.TextPage("Thong bao lich tiep dan"))
	cases := []struct {
		name    string
		child   upload.PDFChild
		lim     upload.Limits
		refused error // nil: an error of the server
	}{
		{"not started", func(context.Context, io.Reader, io.Writer) error { return exec.ErrNotFound }, upload.Limits{}, nil},
		{"not JSON", func(_ context.Context, _ io.Reader, out io.Writer) error {
			_, err := io.WriteString(out, "panic: something\n")
			return err
		}, upload.Limits{}, nil},
		{"too much", func(_ context.Context, _ io.Reader, out io.Writer) error {
			_, err := out.Write(bytes.Repeat([]byte("a"), 2<<20))
			return err
		}, upload.Limits{MaxText: 1000}, upload.ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			upload.SetPDFChild(c.child)
			t.Cleanup(func() { upload.SetPDFChild(nil) })
			_, err := upload.Parse(upload.File{Name: "a.pdf", Data: pdf}, c.lim)
			switch {
			case err == nil:
				t.Fatal("read, want an error")
			case c.refused == nil && errors.Is(err, fault.ErrInvalid):
				t.Errorf("error %v shown to the officer as %q, want the server's error", err, upload.Message(err))
			case c.refused != nil && !errors.Is(err, c.refused):
				t.Errorf("error %v, want %v", err, c.refused)
			case c.refused != nil && !strings.Contains(upload.Message(err), "quá dài"):
				t.Errorf("message %q", upload.Message(err))
			}
		})
	}
}
