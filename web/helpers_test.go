package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/testcorpus"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/places"
)

// mustStarter opens an in-memory knowledge base holding the starter corpus.
func mustStarter(tb testing.TB) *knowledge.Base {
	tb.Helper()
	ctx := context.Background()
	kb, err := knowledge.Open(ctx, knowledge.Config{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { kb.Close() })
	if err := testcorpus.Seed(ctx, kb); err != nil {
		tb.Fatal(err)
	}
	return kb
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

// mustServer builds the whole server over the starter corpus; edit
// changes its config first.
func mustServer(tb testing.TB, edit func(*Config)) (*Server, *knowledge.Base) {
	tb.Helper()
	kb := mustStarter(tb)
	cfg := Config{Knowledge: kb, BaseURL: "http://hoidap.test", Places: mustPlaces(tb)}
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
