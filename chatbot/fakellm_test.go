package chatbot

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeLLM is an in-process server speaking the OpenAI chat completions
// API, streamed as SSE.
type fakeLLM struct {
	mu       sync.Mutex
	bodies   []string
	mode     string   // "stream" (default), "500", "hang", "stall", "malformed"
	chunks   []string // what a stream sends
	interval time.Duration
	srv      *httptest.Server
}

func newFakeLLM(tb testing.TB, chunks ...string) *fakeLLM {
	tb.Helper()
	f := &fakeLLM{chunks: chunks}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	tb.Cleanup(f.srv.Close)
	return f
}

func (f *fakeLLM) set(mode string, chunks ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mode = mode
	if chunks != nil {
		f.chunks = chunks
	}
}

// requests returns the bodies of the requests received so far.
func (f *fakeLLM) requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.bodies...)
}

func (f *fakeLLM) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.bodies = append(f.bodies, string(body))
	mode, chunks, interval := f.mode, f.chunks, f.interval
	f.mu.Unlock()
	if !strings.HasSuffix(r.URL.Path, "/chat/completions") {
		http.NotFound(w, r)
		return
	}
	switch mode {
	case "500":
		http.Error(w, `{"error":{"message":"boom"}}`, http.StatusInternalServerError)
		return
	case "hang":
		<-r.Context().Done()
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	fl := w.(http.Flusher)
	if mode == "stall" {
		fmt.Fprintf(w, "data: {\"choices\":[{\"delta\":{\"content\":\"Hồ sơ gồm\"}}]}\n\n")
		fl.Flush()
		<-r.Context().Done()
		return
	}
	if mode == "malformed" {
		fmt.Fprintf(w, "data: {\"choices\":[{\"delta\":{\"content\":\"Hồ sơ gồm\"}}]}\n\n")
		fl.Flush()
		fmt.Fprintf(w, "data: {not json\n\n")
		fl.Flush()
		return
	}
	for _, c := range chunks {
		msg, _ := json.Marshal(map[string]any{
			"id": "x", "object": "chat.completion.chunk", "model": "fake",
			"choices": []map[string]any{{"index": 0, "delta": map[string]string{"content": c}}},
		})
		fmt.Fprintf(w, "data: %s\n\n", msg)
		fl.Flush()
		if interval > 0 {
			time.Sleep(interval)
		}
	}
	fmt.Fprint(w, "data: [DONE]\n\n")
	fl.Flush()
}
