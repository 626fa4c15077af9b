package knowledge_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/portal"
)

// realCorpus is the national portal's 2,642 procedures, beside the repo.
const realCorpus = "../../shared/data/dvc-procedures.jsonl.gz"

var benchQueries = []string{
	"lam so do lan dau", "đăng ký kết hôn cần giấy tờ gì", "nhập hộ khẩu cho vợ",
	"làm CCCD cho con 14 tuổi", "xin giấy xác nhận độc thân", "chung thuc ban sao mat bao nhieu tien",
	"mở quán tạp hóa cần đăng ký gì", "cap lai the bhyt bi mat", "tách thửa đất cho con", "khai tử cho bố",
}

func readReal(tb testing.TB) []knowledge.Document {
	tb.Helper()
	f, err := os.Open(realCorpus)
	if err != nil {
		tb.Skipf("real corpus not beside the repo: %v", err)
	}
	defer f.Close()
	var docs []knowledge.Document
	if err := portal.Read(f, func(r portal.Record) error {
		docs = append(docs, r.Document())
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return docs
}

type searchFunc func(context.Context, knowledge.Query) ([]knowledge.Hit, error)

func benchSearch(b *testing.B, search searchFunc) {
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := search(ctx, knowledge.Query{Text: benchQueries[i%len(benchQueries)], Commune: "demo", Limit: 10}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkSearchStarter measures one search of the index over the
// embedded corpus, past the cache.
func BenchmarkSearchStarter(b *testing.B) {
	benchSearch(b, mustStarter(b).SearchUncached)
}

func mustReal(b *testing.B) *knowledge.Base {
	docs := readReal(b)
	dir := filepath.Join(b.TempDir(), "data")
	kb := mustOpen(b, dir)
	if err := kb.Ingest(context.Background(), docs...); err != nil {
		b.Fatal(err)
	}
	// Reopen, as a server does, so that segment merging after the import
	// does not run during the measurement.
	kb.Close()
	return mustOpen(b, dir)
}

// BenchmarkSearchReal measures one search of the index over the 2,642
// real procedures, from an index on disk as the server uses it, past the
// cache: a question nobody asked since the last write.
func BenchmarkSearchReal(b *testing.B) {
	benchSearch(b, mustReal(b).SearchUncached)
}

// BenchmarkSearchCached measures the same questions asked again, as
// residents do, answered from the cache.
func BenchmarkSearchCached(b *testing.B) {
	benchSearch(b, mustReal(b).Search)
}

// BenchmarkIngestReal measures importing the 2,642 real procedures into a
// fresh store and index on disk, in batches as `hoidap ingest` does.
func BenchmarkIngestReal(b *testing.B) {
	docs := readReal(b)
	for i := 0; i < b.N; i++ {
		kb := mustOpen(b, filepath.Join(b.TempDir(), "data"))
		start := time.Now()
		for j := 0; j < len(docs); j += 250 {
			end := min(j+250, len(docs))
			if err := kb.Ingest(context.Background(), docs[j:end]...); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/import")
		kb.Close()
	}
}
