// Package testcorpus seeds a knowledge base with real data for tests: the
// starter articles and the official records of the procedures residents
// ask about most (those with residents' names), about ninety of the
// 2,642 embedded records, so that a test's base opens in a second.
package testcorpus

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/portal"
)

// Seed writes the starter articles and the guided official records into
// kb.
func Seed(ctx context.Context, kb *knowledge.Base) error {
	if _, err := kb.SeedStarter(ctx); err != nil {
		return err
	}
	_, err := portal.Seed(ctx, kb, nil, portal.GuidedCodes()...)
	return err
}

// Size returns how many documents Seed writes.
func Size() (int, error) {
	articles, err := knowledge.StarterDocuments()
	if err != nil {
		return 0, err
	}
	records, err := portal.EmbeddedDocuments(portal.GuidedCodes()...)
	return len(articles) + len(records), err
}

// template is a data directory seeded once per test process; Open copies
// it, which takes milliseconds where seeding takes seconds (and many times
// that under the race detector).
var template struct {
	once sync.Once
	dir  string
	err  error
}

// Open returns a knowledge base on disk in dir (a fresh temporary
// directory when dir is "") holding what Seed writes, copied from a
// template seeded once per test process. The base is closed when the test
// ends.
func Open(tb testing.TB, dir string) *knowledge.Base {
	tb.Helper()
	if dir == "" {
		dir = tb.TempDir()
	}
	if err := CopyTo(dir); err != nil {
		tb.Fatal(err)
	}
	kb, err := knowledge.Open(context.Background(), knowledge.Config{Dir: dir})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { kb.Close() })
	return kb
}

// opened holds the records opened by Records, by knowledge base.
var opened sync.Map

// Records returns the office's records on kb's database, as cmd wires
// them: opened at the first call for kb, the same store at the next, and
// closed when the test ends.
func Records(tb testing.TB, kb *knowledge.Base) *records.Store {
	tb.Helper()
	if rs, ok := opened.Load(kb); ok {
		return rs.(*records.Store)
	}
	rs, err := records.Open(context.Background(), kb.DB())
	if err != nil {
		tb.Fatal(err)
	}
	if got, loaded := opened.LoadOrStore(kb, rs); loaded {
		rs.Close()
		return got.(*records.Store)
	}
	tb.Cleanup(func() {
		opened.Delete(kb)
		rs.Close()
	})
	return rs
}

// CopyTo writes a seeded data directory into dir, which must hold no
// knowledge base yet.
func CopyTo(dir string) error {
	template.once.Do(func() {
		template.dir, template.err = build()
	})
	if template.err != nil {
		return template.err
	}
	return os.CopyFS(dir, os.DirFS(template.dir))
}

// build seeds a data directory in a new temporary directory.
func build() (string, error) {
	dir, err := os.MkdirTemp("", "hoidap-testcorpus-")
	if err != nil {
		return "", err
	}
	ctx := context.Background()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: dir})
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	err = Seed(ctx, kb)
	if cerr := kb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("testcorpus: seed template: %w", err)
	}
	return dir, nil
}

// Main runs a package's tests and then removes the template; call it from
// TestMain: os.Exit(testcorpus.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if template.dir != "" {
		os.RemoveAll(template.dir)
	}
	return code
}
