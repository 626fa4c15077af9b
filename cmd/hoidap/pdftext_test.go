package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hoidap/hoidap/knowledge/upload"
	"github.com/hoidap/hoidap/knowledge/upload/uploadtest"
)

// useChild reads PDFs with child until the test ends.
func useChild(t *testing.T, child upload.PDFChild) {
	t.Helper()
	upload.SetPDFChild(child)
	t.Cleanup(func() { upload.SetPDFChild(nil) })
}

// A PDF read in the built binary's pdf-text child gives the same
// document, or the same refusal with the same message, as one read in
// the server's own process.
func TestPDFReadInChildAsInProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and loads the PDF engine")
	}
	bin := buildHoidap(t)
	good := uploadtest.PDF(t, "Thong bao",
		uploadtest.TextPage("Thong bao lich tiep dan", "Nguoi dan mang theo can cuoc."),
		uploadtest.TextPage("Trang hai: le phi 50.000 dong."))
	cases := []struct {
		name   string
		data   func(testing.TB) []byte
		lim    upload.Limits
		reason error
		want   string // in the text read
	}{
		{"valid", func(testing.TB) []byte { return good }, upload.Limits{}, nil, "50.000"},
		{"printed by Chromium", func(t testing.TB) []byte {
			return uploadtest.ChromiumPDF(t, uploadtest.NoticeHTML(false))
		}, upload.Limits{}, nil, "Hạn chót nhận đơn"},
		{"truncated", func(testing.TB) []byte { return good[:len(good)*2/3] }, upload.Limits{}, upload.ErrBroken, ""},
		{"too many pages", func(testing.TB) []byte { return good }, upload.Limits{MaxPages: 1}, upload.ErrTooLarge, ""},
		{"too much text", func(testing.TB) []byte { return good }, upload.Limits{MaxText: 20}, upload.ErrTooLarge, ""},
		{"scanned", func(t testing.TB) []byte { return uploadtest.PDF(t, "", uploadtest.ImagePage) }, upload.Limits{}, upload.ErrScanned, ""},
		{"encrypted", uploadtest.EncryptedPDF, upload.Limits{}, upload.ErrEncrypted, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.lim.Timeout = 2 * time.Minute // the first compilation, on a shared machine
			f := upload.File{Name: "thong-bao.pdf", Data: c.data(t)}
			wantDocs, wantErr := upload.Parse(f, c.lim)
			var stderr bytes.Buffer
			useChild(t, pdfTextChild(bin, &stderr))
			gotDocs, gotErr := upload.Parse(f, c.lim)
			if !errors.Is(gotErr, c.reason) || !errors.Is(wantErr, c.reason) {
				t.Fatalf("child: %v; in process: %v; want %v both", gotErr, wantErr, c.reason)
			}
			if got, want := upload.Message(gotErr), upload.Message(wantErr); gotErr != nil && got != want {
				t.Errorf("child's message %q, in process %q", got, want)
			}
			if diff := cmp.Diff(wantDocs, gotDocs); diff != "" {
				t.Errorf("child's documents (-in process +child):\n%s", diff)
			}
			if c.reason == nil && !strings.Contains(gotDocs[0].Body, c.want) {
				t.Errorf("body %q lacks %q", gotDocs[0].Body, c.want)
			}
		})
	}
}

// A child that dies without a result refuses the file as broken, with
// the same message, and sees none of the server's environment.
func TestPDFChildKilledIsBroken(t *testing.T) {
	dir := t.TempDir()
	envFile := filepath.Join(dir, "env")
	exe := filepath.Join(dir, "child")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\nenv > "+envFile+"\nkill -9 $$\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOIDAP_ADMIN_TOKEN", "tok_secret_of_the_server")
	useChild(t, pdfTextChild(exe, &bytes.Buffer{}))
	start := time.Now()
	_, err := upload.Parse(upload.File{Name: "a.pdf", Data: []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")}, upload.Limits{})
	if !errors.Is(err, upload.ErrBroken) || !strings.Contains(upload.Message(err), "bị hỏng") {
		t.Fatalf("error %v (message %q), want a broken PDF", err, upload.Message(err))
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("refused after %s", d)
	}
	env, err := os.ReadFile(envFile)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(env), "HOIDAP_") || !strings.Contains(string(env), "GOMEMLIMIT="+pdfChildMemLimit) {
		t.Errorf("child's environment:\n%s", env)
	}
}
