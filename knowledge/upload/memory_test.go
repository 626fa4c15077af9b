package upload_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/knowledge/upload"
	"github.com/hoidap/hoidap/knowledge/upload/uploadtest"
)

// nestedPDF is an 18 MB PDF whose page holds 4.5 million nested "[" in
// its dictionary and as many in its content stream: what cost the old
// reader 730 MB.
func nestedPDF() []byte {
	deep := strings.Repeat("[ ", 4_500_000)
	content := "BT /F1 12 Tf 72 700 Td (Hello) Tj ET\n" + deep
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /X " + deep + ">>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// peakLive parses f under GOMEMLIMIT=200MiB and returns the largest live
// heap the garbage collector saw above the heap before it.
func peakLive(t *testing.T, f upload.File, lim upload.Limits) (uint64, time.Duration, error) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(200 << 20))
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		peak := base
		for {
			select {
			case <-stop:
				done <- peak
				return
			case <-time.After(2 * time.Millisecond):
				metrics.Read(sample)
				peak = max(peak, sample[0].Value.Uint64())
			}
		}
	}()
	start := time.Now()
	_, err := upload.Parse(f, lim)
	took := time.Since(start)
	runtime.GC()
	close(stop)
	return <-done - base, took, err
}

// Reading a PDF, the PDF engine's first load included, stays under
// GOMEMLIMIT=200MiB however hostile the file, and a file PDFium chokes
// on is refused within the time limit.
func TestPDFMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the PDF engine and parses an 18 MB file")
	}
	nested := nestedPDF()
	good := uploadtest.PDF(t, "Thông báo", uploadtest.TextPage("Thu tuc dang ky khai sinh", "Le phi: mien phi"))
	for _, tc := range []struct {
		name string
		data []byte
		lim  upload.Limits
	}{
		{"small PDF", good, upload.Limits{}},
		{"18 MB of nested arrays", nested, upload.Limits{Timeout: 5 * time.Second}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			peak, took, err := peakLive(t, upload.File{Name: "a.pdf", Data: tc.data}, tc.lim)
			t.Logf("%d bytes: peak live heap +%d MB, %s, %v", len(tc.data), peak>>20, took.Round(time.Millisecond), err)
			if err != nil && !errors.Is(err, upload.ErrBroken) {
				t.Errorf("error %v, want none or a broken file", err)
			}
			if peak > 200<<20 {
				t.Errorf("peak live heap +%d MB, want under 200 MB", peak>>20)
			}
			if took > tc.lim.Timeout+10*time.Second && tc.lim.Timeout > 0 {
				t.Errorf("took %s, past its %s limit", took, tc.lim.Timeout)
			}
		})
	}
}
