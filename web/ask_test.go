package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/internal/llmtest"
	"github.com/hoidap/hoidap/internal/ssetest"
	"github.com/hoidap/hoidap/knowledge"
)

// fakeChat is an in-process OpenAI-compatible server that streams chunks
// and tells when it sent the first one.
type fakeChat struct {
	chunks []string
	first  chan time.Time
}

func newFakeChat(tb testing.TB, chunks ...string) (*fakeChat, string) {
	tb.Helper()
	f := &fakeChat{chunks: chunks, first: make(chan time.Time, 1)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		for i, c := range f.chunks {
			fmt.Fprint(w, llmtest.Chunk(c))
			w.(http.Flusher).Flush()
			if i == 0 {
				select {
				case f.first <- time.Now():
				default:
				}
			}
		}
		fmt.Fprint(w, llmtest.Done)
	}))
	tb.Cleanup(srv.Close)
	return f, srv.URL + "/v1"
}

// mustAskServer builds the whole server with a bot over the starter
// corpus; llmURL "" answers extractively.
func mustAskServer(tb testing.TB, llmURL string) *httptest.Server {
	tb.Helper()
	var bot *chatbot.Bot
	s, _ := mustServer(tb, func(cfg *Config) {
		var err error
		bc := chatbot.Config{Knowledge: cfg.Knowledge, Recorder: recordsOf(tb, cfg.Knowledge.(*knowledge.Base)), FirstToken: time.Second}
		if llmURL != "" {
			bc.BaseURL, bc.Model = llmURL, "fake"
		}
		if bot, err = chatbot.New(bc); err != nil {
			tb.Fatal(err)
		}
		cfg.Bot = bot
	})
	srv := httptest.NewServer(s)
	tb.Cleanup(srv.Close)
	return srv
}

// The API answers questions about the commune office from the commune's
// details, with those details as the source.
func TestAskOfficeDetails(t *testing.T) {
	srv, _ := mustChatServer(t)
	for _, tt := range []struct{ q, want string }{
		{"thứ bảy ủy ban xã có làm việc không", "sáng Thứ Bảy 7h30–11h30"},
		{"số điện thoại xã", "0000 000 000"},
		{"trụ sở xã ở đâu", "số 1 đường Mẫu"},
	} {
		resp := ssetest.Ask(t, srv.URL, fmt.Sprintf(`{"question":%q,"commune":"demo"}`, tt.q), false)
		var got struct {
			Answer   string `json:"answer"`
			Grounded bool   `json:"grounded"`
			Sources  []struct{ ID, Title string }
		}
		if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("%q: status %d: %v", tt.q, resp.StatusCode, err)
		}
		if !got.Grounded || !strings.Contains(got.Answer, tt.want) || len(got.Sources) != 1 || got.Sources[0].ID != "office:demo" {
			t.Errorf("%q: got %+v, want %q from the commune's details", tt.q, got, tt.want)
		}
	}
}

func TestAskJSON(t *testing.T) {
	srv := mustAskServer(t, "")
	tests := []struct {
		q        string
		grounded bool
		want     string
	}{
		{"dang ky ket hon can gi", true, "Tờ khai đăng ký kết hôn"},
		{"tỷ số trận Manchester United tối qua", false, "thủ tục hành chính"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			resp := ssetest.Ask(t, srv.URL, fmt.Sprintf(`{"question":%q,"commune":"demo"}`, tt.q), false)
			var got struct {
				ID       string `json:"id"`
				Answer   string `json:"answer"`
				Grounded bool   `json:"grounded"`
				Mode     string `json:"mode"`
				Sources  []struct {
					ID, Title, Section, URL string
					Papers                  []string
				} `json:"sources"`
			}
			if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %v", resp.StatusCode, err)
			}
			if got.ID == "" || got.Grounded != tt.grounded || got.Mode != "extractive" || !strings.Contains(got.Answer, tt.want) {
				t.Errorf("got %+v", got)
			}
			if tt.grounded && (len(got.Sources) == 0 || got.Sources[0].Title != "Thủ tục đăng ký kết hôn" || len(got.Sources[0].Papers) == 0) {
				t.Errorf("sources %+v", got.Sources)
			}
		})
	}
}

func TestAskSSEStreamsLLMDeltasInOrder(t *testing.T) {
	chunks := []string{"Hồ sơ gồm ", "Tờ khai đăng ký kết hôn ", "và giấy tờ tùy thân [1]."}
	_, llmURL := newFakeChat(t, chunks...)
	srv := mustAskServer(t, llmURL)
	resp := ssetest.Ask(t, srv.URL, `{"question":"dang ky ket hon can gi","commune":"demo"}`, true)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("content type %q", ct)
	}
	events := ssetest.ReadEvents(resp, nil)
	var names []string
	var text strings.Builder
	for _, e := range events {
		names = append(names, e.Name)
		if e.Name == "delta" {
			var d struct{ Text string }
			json.Unmarshal([]byte(e.Data), &d)
			text.WriteString(d.Text)
		}
	}
	if len(names) < 3 || names[0] != "source" || names[len(names)-1] != "done" {
		t.Fatalf("events %v", names)
	}
	if got, want := text.String(), strings.Join(chunks, ""); got != want {
		t.Errorf("streamed %q, want %q", got, want)
	}
	var done struct {
		ID       string
		Mode     string
		Grounded bool
	}
	json.Unmarshal([]byte(events[len(events)-1].Data), &done)
	if done.Mode != "llm" || !done.Grounded || done.ID == "" {
		t.Errorf("done %+v", done)
	}
}

func TestAskRejects(t *testing.T) {
	srv := mustAskServer(t, "")
	tests := []struct {
		name   string
		body   string
		stream bool
		status int
	}{
		{"501 characters", fmt.Sprintf(`{"question":%q}`, strings.Repeat("ă", 501)), false, http.StatusBadRequest},
		{"501 characters, streamed", fmt.Sprintf(`{"question":%q}`, strings.Repeat("a", 501)), true, http.StatusBadRequest},
		{"empty", `{"question":"  "}`, false, http.StatusBadRequest},
		{"not JSON", `question=hi`, false, http.StatusBadRequest},
		{"2 MB body", `{"question":"` + strings.Repeat("a", 2<<20) + `"}`, false, http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			resp := ssetest.Ask(t, srv.URL, tt.body, tt.stream)
			var body struct{ Error string }
			json.NewDecoder(resp.Body).Decode(&body)
			if resp.StatusCode != tt.status || body.Error == "" {
				t.Errorf("status %d error %q, want %d and a message", resp.StatusCode, body.Error, tt.status)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	// 500 characters are still a question.
	resp := ssetest.Ask(t, srv.URL, fmt.Sprintf(`{"question":%q}`, "đăng ký kết hôn "+strings.Repeat("ạ", 484)), false)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("500 characters: status %d", resp.StatusCode)
	}
}

func TestFeedback(t *testing.T) {
	srv := mustAskServer(t, "")
	var a struct{ ID string }
	json.NewDecoder(ssetest.Ask(t, srv.URL, `{"question":"dang ky khai sinh can gi"}`, false).Body).Decode(&a)
	tests := []struct {
		body   string
		status int
	}{
		{fmt.Sprintf(`{"answer_id":%q,"helpful":true,"comment":"rõ"}`, a.ID), http.StatusOK},
		{`{"answer_id":"unknown","helpful":false}`, http.StatusNotFound},
		{fmt.Sprintf(`{"answer_id":%q}`, a.ID), http.StatusBadRequest},
	}
	for _, tt := range tests {
		resp, err := http.Post(srv.URL+"/api/v1/feedback", "application/json", strings.NewReader(tt.body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.body, resp.StatusCode, tt.status)
		}
	}
}

// A comment over the limit is refused with a message a resident can
// read, never the store's own error text.
func TestFeedbackTooLongSaysSo(t *testing.T) {
	srv := mustAskServer(t, "")
	var a struct{ ID string }
	json.NewDecoder(ssetest.Ask(t, srv.URL, `{"question":"dang ky khai sinh can gi"}`, false).Body).Decode(&a)
	body := fmt.Sprintf(`{"answer_id":%q,"helpful":false,"comment":%q}`, a.ID, strings.Repeat("a", 1001))
	resp, err := http.Post(srv.URL+"/api/v1/feedback", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got struct{ Error string }
	json.NewDecoder(resp.Body).Decode(&got)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(got.Error, "Góp ý quá dài, tối đa 1000 ký tự") ||
		strings.Contains(got.Error, "records") || strings.Contains(got.Error, "invalid input") {
		t.Errorf("1,001 characters: %d %q, want 400 with a Vietnamese message", resp.StatusCode, got.Error)
	}
}

// BenchmarkFirstDelta measures the time from the fake LLM's first token
// to the client's first delta event, through the whole server.
func BenchmarkFirstDelta(b *testing.B) {
	f, llmURL := newFakeChat(b, "Hồ sơ gồm tờ khai đăng ký kết hôn [1]. ", "Miễn lệ phí.")
	srv := mustAskServer(b, llmURL)
	var mu sync.Mutex
	var total time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, srv.URL+"/api/v1/ask",
			strings.NewReader(`{"question":"dang ky ket hon can gi"}`))
		req.Header.Set("Accept", "text/event-stream")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		got := false
		ssetest.ReadEvents(resp, func(e ssetest.Event) {
			if e.Name == "delta" && !got {
				got = true
				sent := <-f.first
				mu.Lock()
				total += time.Since(sent)
				mu.Unlock()
			}
		})
		resp.Body.Close()
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms-first-delta/op")
}

// A resident who hangs up mid-answer is not a server error; an answer
// past its deadline is a polite 503.
func TestAskCancelledIsNotAServerError(t *testing.T) {
	srv := mustAskServer(t, "").Config.Handler
	for _, tc := range []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want int
	}{
		{"hung up", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx, func() {}
		}, statusClientClosed},
		{"past its deadline", func() (context.Context, context.CancelFunc) {
			return context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
		}, http.StatusServiceUnavailable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := tc.ctx()
			defer cancel()
			req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/api/v1/ask",
				strings.NewReader(`{"question":"làm giấy khai sinh cần gì","commune":"demo"}`))
			req.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, req)
			if w.Code != tc.want {
				t.Errorf("status %d, want %d: %s", w.Code, tc.want, w.Body)
			}
		})
	}
}

// A feedback comment is stored with its personal numbers and e-mail
// addresses masked, as questions are.
func TestFeedbackCommentMasked(t *testing.T) {
	s, kb := mustServer(t, func(cfg *Config) {
		bot, err := chatbot.New(chatbot.Config{Knowledge: cfg.Knowledge, Recorder: recordsOf(t, cfg.Knowledge.(*knowledge.Base))})
		if err != nil {
			t.Fatal(err)
		}
		cfg.Bot = bot
	})
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	var a struct{ ID string }
	json.NewDecoder(ssetest.Ask(t, srv.URL, `{"question":"dang ky khai sinh can gi"}`, false).Body).Decode(&a)
	body := fmt.Sprintf(`{"answer_id":%q,"helpful":false,"comment":"gọi tôi 0912345678 hoặc CCCD 001099012345, mail lan@gmail.com"}`, a.ID)
	resp, err := http.Post(srv.URL+"/api/v1/feedback", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("feedback: %d", resp.StatusCode)
	}
	var comment string
	if err := recordsOf(t, kb).DB().QueryRowContext(context.Background(), "SELECT comment FROM answers WHERE id = ?", a.ID).Scan(&comment); err != nil {
		t.Fatal(err)
	}
	for _, personal := range []string{"0912345678", "001099012345", "lan@gmail.com"} {
		if strings.Contains(comment, personal) {
			t.Errorf("stored comment %q keeps %s", comment, personal)
		}
	}
}
