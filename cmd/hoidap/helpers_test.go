package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/llmtest"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
	"github.com/hoidap/hoidap/internal/testcorpus"
	"github.com/hoidap/hoidap/knowledge"
)

// syncBuffer is a bytes.Buffer that the server's goroutines and the test
// can share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// served is a "hoidap serve" running in the test process.
type served struct {
	URL            string
	Stdout, Stderr *syncBuffer
	cancel         context.CancelFunc
	done           chan struct{} // closed when run returns
	code           int
}

// stop sends the shutdown signal and returns run's exit code.
func (s *served) stop(tb testing.TB) int {
	tb.Helper()
	s.cancel()
	select {
	case <-s.done:
		return s.code
	case <-time.After(45 * time.Second):
		tb.Fatal("serve did not stop within 45 s of the signal")
		return -1
	}
}

// mustServe runs "hoidap serve" on a free loopback port over a fresh data
// directory unless env names one; env adds environment variables. It
// stops at cleanup.
func mustServe(tb testing.TB, env map[string]string, args ...string) *served {
	tb.Helper()
	data := env["HOIDAP_DATA"]
	if data == "" {
		data = tb.TempDir()
	}
	// Unless a test asks for them, the national records are the test
	// corpus, written before the service starts: importing all 2,642
	// takes half a minute, once per fresh data directory.
	_, records := env["HOIDAP_NATIONAL_RECORDS"]
	if !records {
		mustSeedTestCorpus(tb, data, env["HOIDAP_DATABASE_URL"])
	}
	getenv := func(k string) string {
		switch k {
		case "HOIDAP_ADDR":
			return "127.0.0.1:0"
		case "HOIDAP_DATA":
			return data
		case "HOIDAP_NATIONAL_RECORDS":
			if !records {
				return "false"
			}
		}
		return env[k]
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &served{Stdout: &syncBuffer{}, Stderr: &syncBuffer{}, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		s.code = run(ctx, append([]string{"serve"}, args...), getenv, s.Stdout, s.Stderr)
	}()
	deadline := time.Now().Add(60 * time.Second)
	for s.URL == "" {
		select {
		case <-s.done:
			tb.Fatalf("serve exited %d before serving: %s", s.code, s.Stderr)
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			tb.Fatalf("serve did not start in 60 s: %s", s.Stderr)
		}
		out := s.Stdout.String()
		if _, rest, ok := strings.Cut(out, "serving on "); ok {
			if addr, _, ok := strings.Cut(rest, " "); ok {
				s.URL = "http://" + addr
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	tb.Cleanup(func() {
		cancel()
		select {
		case <-s.done:
		case <-time.After(45 * time.Second):
		}
	})
	return s
}

// slowLLM is an OpenAI-compatible server in mode (llmtest's modes) that
// streams chunks pause apart; it returns the base URL.
func slowLLM(tb testing.TB, mode string, pause time.Duration, chunks ...string) string {
	tb.Helper()
	f := llmtest.New(tb, chunks...)
	f.Set(mode)
	f.SetPause(pause)
	return f.URL()
}

// getJSON fetches url and decodes its JSON body into v, returning the
// status.
func getJSON(tb testing.TB, url string, v any) int {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	if v != nil {
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			tb.Fatalf("%s: %v", url, err)
		}
	}
	return resp.StatusCode
}

// mustSeedTestCorpus writes the test corpus into the store of data, or
// into the PostgreSQL database of url when there is one: a copy of the
// seeded template when data holds no SQLite store yet.
func mustSeedTestCorpus(tb testing.TB, data, url string) {
	tb.Helper()
	if _, err := os.Stat(filepath.Join(data, "hoidap.db")); errors.Is(err, os.ErrNotExist) && url == "" {
		if err := testcorpus.CopyTo(data); err != nil {
			tb.Fatal(err)
		}
		return
	}
	ctx := context.Background()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data, DatabaseURL: url})
	if err != nil {
		tb.Fatal(err)
	}
	defer kb.Close()
	if err := testcorpus.Seed(ctx, kb); err != nil {
		tb.Fatal(err)
	}
}

// TestMain removes the test corpus's template after the tests, and stops
// the PostgreSQL server if a test started one.
func TestMain(m *testing.M) {
	code := testcorpus.Main(m)
	sqldbtest.Stop()
	os.Exit(code)
}
