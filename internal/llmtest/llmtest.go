// Package llmtest is an in-process server speaking the OpenAI chat
// completions API streamed as server-sent events, as OpenAI, Ollama, vLLM
// and llama.cpp do, for the tests of chatbot, web and cmd/hoidap: there is
// no LLM on the machines the tests run on.
package llmtest

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

// Modes of a Server.
const (
	Stream    = ""          // the chunks, then [DONE]
	Fail      = "500"       // an error status
	Hang      = "hang"      // nothing until the client leaves
	Stall     = "stall"     // one chunk, then nothing until the client leaves
	Malformed = "malformed" // one chunk, then a line that is not JSON
	Garbage   = "garbage"   // a line that is not JSON at once
)

// Server answers every chat completion the same way, by its mode, and
// keeps the request bodies. Safe for concurrent use.
type Server struct {
	mu     sync.Mutex
	bodies []string
	mode   string
	chunks []string
	pause  time.Duration // after each chunk
	srv    *httptest.Server
}

// New starts a server streaming chunks; it stops when the test ends.
func New(tb testing.TB, chunks ...string) *Server {
	tb.Helper()
	f := &Server{chunks: chunks}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	tb.Cleanup(f.srv.Close)
	return f
}

// URL is the base URL to configure, as OPENAI_BASE_URL.
func (f *Server) URL() string { return f.srv.URL + "/v1" }

// Set changes the mode and, when chunks are given, what a stream sends.
func (f *Server) Set(mode string, chunks ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mode = mode
	if chunks != nil {
		f.chunks = chunks
	}
}

// SetPause makes a stream wait d after each chunk.
func (f *Server) SetPause(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pause = d
}

// Requests returns the bodies of the requests received so far.
func (f *Server) Requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.bodies...)
}

// Chunk is the server-sent event of one streamed piece of an answer.
func Chunk(content string) string {
	msg, _ := json.Marshal(map[string]any{
		"id": "x", "object": "chat.completion.chunk", "model": "fake",
		"choices": []map[string]any{{"index": 0, "delta": map[string]string{"content": content}}},
	})
	return "data: " + string(msg) + "\n\n"
}

// Done is the server-sent event that ends a stream.
const Done = "data: [DONE]\n\n"

func (f *Server) serve(w http.ResponseWriter, r *http.Request) {
	// Read the request to its end: only then does the server notice a
	// client that hangs up, and end r.Context().
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.bodies = append(f.bodies, string(body))
	mode, chunks, pause := f.mode, f.chunks, f.pause
	f.mu.Unlock()
	if !strings.HasSuffix(r.URL.Path, "/chat/completions") {
		http.NotFound(w, r)
		return
	}
	switch mode {
	case Fail:
		http.Error(w, `{"error":{"message":"boom"}}`, http.StatusInternalServerError)
		return
	case Hang:
		<-r.Context().Done()
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	fl := w.(http.Flusher)
	send := func(s string) {
		fmt.Fprint(w, s)
		fl.Flush()
	}
	switch mode {
	case Garbage:
		send("data: {not json\n\n")
		return
	case Stall:
		send(Chunk("Hồ sơ gồm"))
		<-r.Context().Done()
		return
	case Malformed:
		send(Chunk("Hồ sơ gồm"))
		send("data: {not json\n\n")
		return
	}
	for _, c := range chunks {
		send(Chunk(c))
		if pause > 0 {
			select {
			case <-time.After(pause):
			case <-r.Context().Done():
				return
			}
		}
	}
	send(Done)
}
