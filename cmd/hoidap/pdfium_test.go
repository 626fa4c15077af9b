package main

import (
	"bytes"
	"context"
	"testing"
)

// The hidden child command fills PDFium's compilation cache (or finds it
// full) and exits 0, printing nothing.
func TestPDFiumCacheCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the PDF engine")
	}
	var out, errs bytes.Buffer
	if code := run(context.Background(), []string{"pdfium-cache"}, func(string) string { return "" }, &out, &errs); code != 0 || out.Len() > 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out.String(), errs.String())
	}
}
