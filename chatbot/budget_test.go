package chatbot

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/llmtest"
	"github.com/prometheus/client_golang/prometheus"
)

// clock is a time the test moves by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// newBudgetBot builds a bot with an LLM and a daily budget on a clock.
func newBudgetBot(t *testing.T, llm *llmtest.Server, reqs, toks int, clk *clock) *Bot {
	t.Helper()
	b, err := New(Config{Knowledge: starterBase(t), Now: clk.now, BaseURL: llm.URL(), Model: "fake",
		FirstToken: 2 * time.Second, Total: 3 * time.Second, DailyRequests: reqs, DailyTokens: toks})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBudgetFallsBackToExtractive(t *testing.T) {
	chunks := []string{"Hồ sơ gồm ", "Tờ khai đăng ký kết hôn [1]. ", "Miễn lệ phí [1]."}
	tests := []struct {
		name       string
		reqs, toks int
		llmAnswers int // answered by the LLM before the budget is spent
	}{
		{"two requests a day", 2, 0, 2},
		{"five tokens a day", 0, 5, 2}, // 3 tokens, then 6: the third is refused
		{"unlimited", 0, 0, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			llm := llmtest.New(t, chunks...)
			// 17:00 in Vietnam on 27 November.
			clk := &clock{t: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)}
			b := newBudgetBot(t, llm, tt.reqs, tt.toks, clk)
			q := Question{Text: "đăng ký kết hôn cần giấy tờ gì"}
			for i := 0; i < 4; i++ {
				r := reply(t, b, q)
				if i < tt.llmAnswers {
					if r.Mode != "llm" || r.Fallback != "" {
						t.Fatalf("answer %d: mode %s fallback %q, want llm", i+1, r.Mode, r.Fallback)
					}
					continue
				}
				if r.Mode != "extractive" || r.Fallback != "budget" || !r.Grounded {
					t.Fatalf("answer %d: mode %s fallback %q grounded %v, want a grounded extractive answer for budget", i+1, r.Mode, r.Fallback, r.Grounded)
				}
				if !strings.Contains(r.Answer, "Tờ khai đăng ký kết hôn") {
					t.Errorf("answer %d is not the extractive one:\n%s", i+1, r.Answer)
				}
			}
			if got := len(llm.Requests()); got != tt.llmAnswers {
				t.Errorf("%d LLM requests, want %d", got, tt.llmAnswers)
			}
			if tt.reqs == 0 && tt.toks == 0 {
				if got := b.LLMBudget(); got != BudgetUnlimited {
					t.Errorf("budget %q, want unlimited", got)
				}
				return
			}
			if got := b.LLMBudget(); got != BudgetExhausted {
				t.Errorf("budget %q, want exhausted", got)
			}
			if got := b.Fallbacks()["budget"]; got != int64(4-tt.llmAnswers) {
				t.Errorf("%d budget fallbacks, want %d", got, 4-tt.llmAnswers)
			}
			// 23:30 in Vietnam: the same day, still spent.
			clk.set(time.Date(2026, 11, 27, 16, 30, 0, 0, time.UTC))
			if got := b.LLMBudget(); got != BudgetExhausted {
				t.Errorf("before midnight in Vietnam: budget %q, want exhausted", got)
			}
			// 00:30 in Vietnam the next day, still 27 November in UTC.
			clk.set(time.Date(2026, 11, 27, 17, 30, 0, 0, time.UTC))
			if got := b.LLMBudget(); got != BudgetOK {
				t.Errorf("after midnight in Vietnam: budget %q, want ok", got)
			}
			if r := reply(t, b, q); r.Mode != "llm" {
				t.Errorf("new day: mode %s fallback %q, want llm", r.Mode, r.Fallback)
			}
		})
	}
}

func TestBudgetWithoutLLM(t *testing.T) {
	b, _ := newBot(t, nil, nil)
	if got := b.LLMBudget(); got != BudgetUnlimited {
		t.Errorf("no LLM: budget %q, want unlimited", got)
	}
}

// usageLLM streams an answer and then the usage, as OpenAI does when
// asked with stream_options.include_usage; it records the request bodies.
func usageLLM(t *testing.T, total int, bodies chan<- string) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		select {
		case bodies <- string(b):
		default:
		}
		w.Header().Set("Content-Type", "text/event-stream")
		fmt.Fprint(w, llmtest.Chunk("Hồ sơ gồm Tờ khai đăng ký kết hôn [1]."))
		fmt.Fprintf(w, `data: {"choices":[],"usage":{"prompt_tokens":%d,"completion_tokens":10,"total_tokens":%d}}`+"\n\n", total-10, total)
		fmt.Fprint(w, llmtest.Done)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/v1"
}

func TestBudgetCountsReportedUsage(t *testing.T) {
	bodies := make(chan string, 10)
	reg := prometheus.NewRegistry()
	m, err := NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	rec := &memRecorder{}
	b, err := New(Config{Knowledge: starterBase(t), Recorder: rec, BaseURL: usageLLM(t, 920, bodies), Model: "fake", Metrics: m,
		FirstToken: 2 * time.Second, DailyTokens: 1000})
	if err != nil {
		t.Fatal(err)
	}
	q := Question{Text: "đăng ký kết hôn cần giấy tờ gì"}
	for i, want := range []string{"llm", "llm", "extractive"} {
		if r := reply(t, b, q); r.Mode != want {
			t.Errorf("answer %d: mode %s fallback %q, want %s", i+1, r.Mode, r.Fallback, want)
		}
	}
	if body := <-bodies; !strings.Contains(body, `"stream_options":{"include_usage":true}`) {
		t.Errorf("request does not ask for the usage: %.300s", body)
	}
	if got := sample(t, reg, "hoidap_llm_tokens_total", nil); got != 1840 {
		t.Errorf("tokens counted %v, want 1840 (920 reported twice)", got)
	}
	if got := rec.recs[0].Tokens; got != 920 {
		t.Errorf("answer record tokens %d, want 920", got)
	}
}
