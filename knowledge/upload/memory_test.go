package upload_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
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

// cost is what one parse took: the largest live heap the garbage
// collector saw and the largest resident memory of the process (Linux;
// PDFium's memory is mapped outside the heap), both above where they
// stood before.
type cost struct {
	heap, rss uint64 // -1 (all ones) when rss could not be read
	took      time.Duration
}

func (c cost) String() string {
	rss := "rss unknown"
	if c.rss != ^uint64(0) {
		rss = fmt.Sprintf("peak RSS +%d MB", c.rss>>20)
	}
	return fmt.Sprintf("peak live heap +%d MB, %s, %s", c.heap>>20, rss, c.took.Round(time.Millisecond))
}

// procStatus reads a "VmXXX:  123 kB" line of /proc/self/status in bytes.
func procStatus(field string) (uint64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			var kb uint64
			if _, err := fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), &kb); err == nil {
				return kb << 10, true
			}
		}
	}
	return 0, false
}

// measure parses f under GOMEMLIMIT=200MiB and returns its cost.
func measure(f upload.File, lim upload.Limits) (cost, error) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(200 << 20))
	runtime.GC()
	debug.FreeOSMemory()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	rss, rssOK := procStatus("VmRSS")
	rssOK = rssOK && os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil // resets VmHWM to VmRSS
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
	c := cost{took: time.Since(start), rss: ^uint64(0)}
	runtime.GC()
	close(stop)
	c.heap = <-done - base
	if hwm, ok := procStatus("VmHWM"); ok && rssOK {
		c.rss = hwm - min(hwm, rss)
	}
	return c, err
}

// Reading a PDF, loading the PDF engine from its compilation cache
// included, adds less than 100 MB of live heap under GOMEMLIMIT=200MiB,
// however hostile the file, and a file PDFium chokes on is refused
// within the time limit. The first compilation on a machine, which fills
// the cache, is measured and logged, not bounded.
func TestPDFMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the PDF engine and parses an 18 MB file")
	}
	good := upload.File{Name: "a.pdf", Data: uploadtest.PDF(t, "Thông báo", uploadtest.TextPage("Thu tuc dang ky khai sinh", "Le phi: mien phi"))}
	upload.DropPDFEngine()
	c, err := measure(good, realLimits)
	t.Logf("first PDF of this test process (compiles PDFium unless cached): %s, %v", c, err)
	for _, tc := range []struct {
		name   string
		data   []byte
		lim    upload.Limits
		reload bool // unload the engine first, to measure loading it from the cache
	}{
		{"small PDF, engine loaded from the cache", good.Data, realLimits, true},
		{"small PDF", good.Data, realLimits, false},
		{"18 MB of nested arrays", nestedPDF(), upload.Limits{Timeout: 5 * time.Second}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.reload {
				upload.DropPDFEngine()
			}
			c, err := measure(upload.File{Name: "a.pdf", Data: tc.data}, tc.lim)
			t.Logf("%d bytes: %s, %v", len(tc.data), c, err)
			if err != nil && !errors.Is(err, upload.ErrBroken) {
				t.Errorf("error %v, want none or a broken file", err)
			}
			if c.heap > 100<<20 || c.rss != ^uint64(0) && c.rss > 100<<20 {
				t.Errorf("%s, want under 100 MB", c)
			}
			if c.took > tc.lim.Timeout+10*time.Second {
				t.Errorf("took %s, past its %s limit", c.took, tc.lim.Timeout)
			}
		})
	}
}

// The portal's whole export (2,646 procedures, 2.7 MB gzipped, 42 MB of
// JSON Lines) is read a record at a time: its parse holds the documents,
// not the decompressed file and a copy of it as text as well.
func TestPortalExportMemory(t *testing.T) {
	data, err := os.ReadFile("../../../shared/data/dvc-procedures.jsonl.gz")
	if err != nil {
		t.Skip("the portal's export is not here:", err)
	}
	c, err := measure(upload.File{Name: "dvc-procedures.jsonl.gz", Data: data}, realLimits)
	t.Logf("%d bytes: %s, %v", len(data), c, err)
	if err != nil {
		t.Fatal(err)
	}
	if c.heap > 100<<20 {
		t.Errorf("%s, want under 100 MB", c)
	}
}
