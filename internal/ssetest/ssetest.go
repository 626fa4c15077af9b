// Package ssetest asks a running hoidap a question over HTTP and reads the
// server-sent events of its answer, for the tests of web and cmd/hoidap.
package ssetest

import (
	"bufio"
	"net/http"
	"strings"
	"testing"
)

// Event is one server-sent event: its name (source, delta, done, error)
// and its data.
type Event struct{ Name, Data string }

// Ask posts body to base's /api/v1/ask; stream asks for server-sent
// events. The response body is closed when the test ends.
func Ask(tb testing.TB, base, body string, stream bool) *http.Response {
	tb.Helper()
	req, err := http.NewRequest(http.MethodPost, base+"/api/v1/ask", strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if stream {
		req.Header.Set("Accept", "text/event-stream")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { resp.Body.Close() })
	return resp
}

// ReadEvents reads events until the stream ends, calling seen, if not nil,
// on each as it arrives.
func ReadEvents(resp *http.Response, seen func(Event)) []Event {
	var events []Event
	var e Event
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event:"):
			e.Name = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			e.Data += strings.TrimSpace(strings.TrimPrefix(line, "data:"))
		case line == "" && e.Name != "":
			events = append(events, e)
			if seen != nil {
				seen(e)
			}
			e = Event{}
		}
	}
	return events
}
