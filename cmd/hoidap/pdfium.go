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
		cmd.Stdout, cmd.Stderr = io.Discard, stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("compile PDFium in a child process: %w", err)
		}
		return nil
	})
}
