package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	"github.com/hoidap/hoidap/knowledge/upload"
)

// pdfiumChildTimeout bounds the child that compiles PDFium: 7–35 s on a
// 2-core machine.
const pdfiumChildTimeout = 3 * time.Minute

// cmdPDFiumCache compiles PDFium into its compilation cache and exits
// (hidden: what the server runs as its child, see compileInChild).
func cmdPDFiumCache(context.Context, []string, func(string) string, io.Writer, io.Writer) error {
	return upload.CompilePDFEngine()
}

// compileInChild makes the PDF engine compile PDFium in a child process
// of this same binary, so that the server's own memory never holds the
// compiler's ~300 MB (it only loads the compiled code from the cache).
// Only main calls it: under tests the executable is the test binary.
func compileInChild(stderr io.Writer) {
	exe, err := os.Executable()
	if err != nil {
		return
	}
	upload.SetPDFCompiler(func() error {
		ctx, cancel := context.WithTimeout(context.Background(), pdfiumChildTimeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, exe, "pdfium-cache")
		cmd.Env = childEnv()
		cmd.Stdout, cmd.Stderr = io.Discard, stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("compile PDFium in a child process: %w", err)
		}
		return nil
	})
}

// pdfChildMemLimit is the Go heap a PDF-reading child aims at: the file
// (up to 20 MB, twice while it is read in) and its text. PDFium's own
// memory, capped at 64 MiB, lies outside the Go heap.
const pdfChildMemLimit = "128MiB"

// cmdPDFText reads one PDF's text in this process: the limits and the
// file on stdin, the result as JSON on stdout (hidden: what the server
// runs as its child, see readPDFsInChild).
func cmdPDFText(_ context.Context, _ []string, _ func(string) string, stdout, _ io.Writer) error {
	return upload.ServePDFChild(os.Stdin, stdout)
}

// readPDFsInChild makes uploads read each PDF in a child process of this
// same binary, so that the server never loads PDFium (some 35 MB) nor
// holds its linear memory (up to 64 MiB): it keeps only the file and the
// text. Only main calls it: under tests the executable is the test binary.
func readPDFsInChild(stderr io.Writer) {
	exe, err := os.Executable()
	if err != nil {
		return
	}
	upload.SetPDFChild(pdfTextChild(exe, stderr))
}

// pdfTextChild runs exe's pdf-text command under its own GOMEMLIMIT, with
// none of the server's environment but where the compilation cache is.
func pdfTextChild(exe string, stderr io.Writer) upload.PDFChild {
	return func(ctx context.Context, in io.Reader, out io.Writer) error {
		cmd := exec.CommandContext(ctx, exe, "pdf-text")
		cmd.Env = append(childEnv(), "GOMEMLIMIT="+pdfChildMemLimit)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = in, out, stderr
		cmd.WaitDelay = time.Second // the pipes close even if something holds them
		return cmd.Run()
	}
}

// childEnv is the environment a child of the server gets: only what
// finds the compilation cache (os.UserCacheDir, os.TempDir), none of the
// server's secrets.
func childEnv() []string {
	var env []string
	for _, k := range []string{"HOME", "XDG_CACHE_HOME", "TMPDIR"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}
