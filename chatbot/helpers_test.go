package chatbot

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/hoidap/hoidap/internal/testcorpus"

	"github.com/hoidap/hoidap/knowledge"
)

var starter struct {
	once sync.Once
	kb   *knowledge.Base
	err  error
}

// starterBase returns the starter corpus in memory, opened once for every
// test and benchmark of the package.
func starterBase(tb testing.TB) *knowledge.Base {
	tb.Helper()
	starter.once.Do(func() {
		ctx := context.Background()
		starter.kb, starter.err = knowledge.Open(ctx, knowledge.Config{})
		if starter.err == nil {
			starter.err = testcorpus.Seed(ctx, starter.kb)
		}
	})
	if starter.err != nil {
		tb.Fatal(starter.err)
	}
	return starter.kb
}

// TestMain removes the test corpus's template after the tests.
func TestMain(m *testing.M) { os.Exit(testcorpus.Main(m)) }
