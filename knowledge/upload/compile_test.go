package upload_test

import (
	"errors"
	"testing"

	"github.com/hoidap/hoidap/knowledge/upload"
	"github.com/hoidap/hoidap/knowledge/upload/uploadtest"
)

// A compile function (the server's child process) runs once before the
// engine is first loaded in the process, not at every reload; when it
// fails, the engine compiles or loads on its own and PDFs are still read.
func TestPDFCompilerRunsOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the PDF engine")
	}
	calls := 0
	upload.SetPDFCompiler(func() error { calls++; return errors.New("child killed") })
	t.Cleanup(func() { upload.SetPDFCompiler(nil) })
	pdf := upload.File{Name: "a.pdf", Data: uploadtest.PDF(t, "Thông báo", uploadtest.TextPage("Thu tuc dang ky khai sinh", "Le phi: mien phi"))}
	for range 2 {
		upload.DropPDFEngine()
		docs, err := upload.Parse(pdf, upload.Limits{})
		if err != nil || len(docs) != 1 {
			t.Fatalf("docs %d, %v", len(docs), err)
		}
	}
	if calls != 1 {
		t.Errorf("compile ran %d times, want once", calls)
	}
}
