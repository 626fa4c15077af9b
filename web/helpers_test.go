package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
	"github.com/hoidap/hoidap/internal/testcorpus"

	"github.com/hoidap/hoidap/internal/places"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
)

// mustStarter opens a knowledge base holding the test corpus, in a
// temporary directory.
func mustStarter(tb testing.TB) *knowledge.Base {
	tb.Helper()
	return testcorpus.Open(tb, "")
}

// TestMain removes the test corpus's template after the tests, and stops
// the PostgreSQL server if a test started one.
func TestMain(m *testing.M) {
	code := testcorpus.Main(m)
	sqldbtest.Stop()
	os.Exit(code)
}

// mustPlaces loads the commune directory.
func mustPlaces(tb testing.TB) *places.Directory {
	tb.Helper()
	d, err := places.Load()
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// recordsOf returns the office's records on kb's database.
func recordsOf(tb testing.TB, kb *knowledge.Base) *records.Store {
	tb.Helper()
	return testcorpus.Records(tb, kb)
}

// withRecords fills in the records and the commune lookup of cfg's
// knowledge base, as cmd wires them.
func withRecords(tb testing.TB, cfg Config) Config {
	tb.Helper()
	kb := cfg.Knowledge.(*knowledge.Base)
	rs := recordsOf(tb, kb)
	cs, err := records.NewCommunes(context.Background(), rs, mustPlaces(tb))
	if err != nil {
		tb.Fatal(err)
	}
	cfg.Records, cfg.Communes = rs, cs
	return cfg
}

// mustServer builds the whole server over the starter corpus; edit
// changes its config first.
func mustServer(tb testing.TB, edit func(*Config)) (*Server, *knowledge.Base) {
	tb.Helper()
	kb := mustStarter(tb)
	cfg := withRecords(tb, Config{Knowledge: kb, BaseURL: "http://hoidap.test"})
	if edit != nil {
		edit(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return s, kb
}

// get sends a GET to the server and returns the recorded response.
func get(tb testing.TB, h http.Handler, target string) *httptest.ResponseRecorder {
	tb.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

func sortDurations(d []time.Duration) { slices.Sort(d) }
