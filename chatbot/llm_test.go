package chatbot

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/llmtest"
	"github.com/hoidap/hoidap/knowledge"
)

// userPrompt returns the last user message of a recorded request.
func userPrompt(t *testing.T, body string) (system, user string) {
	t.Helper()
	var req struct {
		Messages []struct{ Role, Content string } `json:"messages"`
	}
	if err := json.Unmarshal([]byte(body), &req); err != nil {
		t.Fatal(err)
	}
	for _, m := range req.Messages {
		switch m.Role {
		case "system":
			system = m.Content
		case "user":
			user = m.Content
		}
	}
	return system, user
}

func TestLLMAnswerStreams(t *testing.T) {
	chunks := []string{"Hồ sơ đăng ký kết hôn gồm ", "Tờ khai đăng ký kết hôn [1]. ", "Lệ phí: miễn lệ phí [1]. ", "Nộp tại Ủy ban Nhân dân xã [1]."}
	llm := llmtest.New(t, chunks...)
	b, _ := newBot(t, llm, nil)
	var deltas []string
	var kinds []string
	done, err := b.Answer(context.Background(), Question{Text: "đăng ký kết hôn cần giấy tờ gì", Session: "l"}, func(e Event) error {
		kinds = append(kinds, e.Kind)
		if e.Kind == EventDelta {
			deltas = append(deltas, e.Delta)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if done.Mode != "llm" || !done.Grounded {
		t.Errorf("mode %s grounded %v, want llm true", done.Mode, done.Grounded)
	}
	if got, want := strings.Join(deltas, ""), strings.Join(chunks, ""); got != want {
		t.Errorf("answer %q, want %q", got, want)
	}
	if kinds[0] != EventSource || kinds[len(kinds)-1] != EventDone {
		t.Errorf("events %v: want sources first, done last", kinds)
	}
	reqs := llm.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d LLM requests", len(reqs))
	}
	system, user := userPrompt(t, reqs[0])
	if strings.Contains(system, "kết hôn") {
		t.Errorf("resident or document text in the system prompt")
	}
	for _, w := range []string{"<<<NGUỒN 1 ", "Tờ khai đăng ký kết hôn", "Lệ phí: miễn lệ phí", "đăng ký kết hôn cần giấy tờ gì\n<<<HẾT CÂU HỎI "} {
		if !strings.Contains(user, w) {
			t.Errorf("prompt lacks %q", w)
		}
	}
	if !strings.Contains(reqs[0], `"temperature":0.1`) || !strings.Contains(reqs[0], `"max_tokens":400`) {
		t.Errorf("request without low temperature and token cap: %s", reqs[0][:200])
	}
	// The follow-up carries the previous turn to the LLM.
	if _, err := b.Reply(context.Background(), Question{Text: "còn lệ phí thì sao?", Session: "l"}); err != nil {
		t.Fatal(err)
	}
	reqs = llm.Requests()
	if !strings.Contains(reqs[1], "đăng ký kết hôn cần giấy tờ gì") || !strings.Contains(reqs[1], "Thủ tục đăng ký kết hôn") {
		t.Errorf("follow-up prompt lacks the previous turn or topic")
	}
}

// The LLM reads who decides as the extractive answer does: a permit
// handed in at the service centre is granted by the People's Committee.
func TestLLMReadsWhoDecides(t *testing.T) {
	p := &knowledge.Procedure{Title: "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", Level: "Cấp xã", Agency: "Uỷ ban Nhân dân cấp xã, phường, thị trấn", Steps: []string{
		"Bước 1: Chủ đầu tư nộp hồ sơ đề nghị cấp giấy phép xây dựng tại Trung tâm phục vụ hành chính công.",
	}}
	got := readForLLM(knowledge.Document{Title: p.Title, Procedure: p}, "xin giấy phép xây nhà", view{lang: "vi"})
	if !strings.Contains(got, "- Nơi nộp: Trung tâm phục vụ hành chính công") || !strings.Contains(got, "- Cơ quan giải quyết: Ủy ban nhân dân cấp xã\n") {
		t.Errorf("facts for the LLM:\n%s\nwant the service centre and the People's Committee that decides", got)
	}
}

func TestLLMFailuresFallBack(t *testing.T) {
	tests := []struct {
		name, mode string
		chunks     []string
		reason     string
	}{
		{"server error", "500", nil, "error"},
		{"hang", "hang", nil, "timeout"},
		{"stall after first token", "stall", nil, "timeout"},
		{"malformed stream", "malformed", nil, "error"},
		{"invented fee", "stream", []string{"Lệ phí đăng ký kết hôn là ", "150.000 đồng [1]. ", "Mang theo tờ khai."}, "numbers"},
		{"invented duration", "stream", []string{"Thời hạn: 15 ngày làm việc [1].\n"}, "numbers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			llm := llmtest.New(t)
			llm.Set(tt.mode, tt.chunks...)
			b, _ := newBot(t, llm, nil)
			start := time.Now()
			r := reply(t, b, Question{Text: "đăng ký kết hôn cần giấy tờ gì"})
			if r.Mode != "extractive" || !r.Grounded || r.Fallback != tt.reason {
				t.Errorf("mode %s grounded %v fallback %q, want extractive true %q", r.Mode, r.Grounded, r.Fallback, tt.reason)
			}
			if !strings.Contains(r.Answer, "Tờ khai đăng ký kết hôn") {
				t.Errorf("no extractive answer:\n%s", r.Answer)
			}
			for _, bad := range []string{"150.000", "15 ngày"} {
				if strings.Contains(r.Answer, bad) {
					t.Errorf("invented %q shown:\n%s", bad, r.Answer)
				}
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("fallback took %v", d)
			}
			if b.Fallbacks()[tt.reason] != 1 {
				t.Errorf("fallbacks %v, want one %s", b.Fallbacks(), tt.reason)
			}
		})
	}
}

func TestCircuitOpens(t *testing.T) {
	llm := llmtest.New(t)
	llm.Set("500")
	b, _ := newBot(t, llm, nil)
	if b.LLMState() != "closed" {
		t.Fatalf("state %s before failures", b.LLMState())
	}
	for i := 0; i < 5; i++ {
		reply(t, b, Question{Text: "đăng ký khai sinh cần gì"})
	}
	if got := len(llm.Requests()); got != 3 {
		t.Errorf("%d calls to a failing LLM, want 3 before the circuit opens", got)
	}
	if b.LLMState() != "open" {
		t.Errorf("state %s, want open", b.LLMState())
	}
	if f := b.Fallbacks(); f["open"] != 2 {
		t.Errorf("fallbacks %v, want 2 while open", f)
	}
	nb, _ := newBot(t, nil, nil)
	if nb.LLMState() != "off" {
		t.Errorf("no LLM: state %s, want off", nb.LLMState())
	}
}

func TestNumberGate(t *testing.T) {
	g := newNumberGate("Lệ phí: 50.000 đồng/thẻ. Thời hạn 7 ngày làm việc. Phí 2 triệu")
	tests := []struct {
		in   string
		show string
		ok   bool
	}{
		{"Lệ phí là ", "", true},
		{"50", "", true},
		{".000 đồng [1]. Trong ", "Lệ phí là 50.000 đồng [1]. ", true},
		{"7 ngày làm việc; phí 2.000.000 đ.\n", "Trong 7 ngày làm việc; phí 2.000.000 đ.\n", true},
		{"Hoặc 50 nghìn. ", "Hoặc 50 nghìn. ", true},
		{"Có khi 10 ngày. ", "", false},
	}
	for _, tt := range tests {
		show, ok := g.add(tt.in)
		if show != tt.show || ok != tt.ok {
			t.Errorf("add(%q) = %q %v, want %q %v", tt.in, show, ok, tt.show, tt.ok)
		}
	}
	// A sentence without digits still waits for its end, a long one not.
	g = newNumberGate("")
	if show, _ := g.add("Hồ sơ gồm tờ khai"); show != "" {
		t.Errorf("half a sentence shown: %q", show)
	}
	long := strings.Repeat("giấy tờ ", 30)
	if show, ok := g.add(long); show == "" || !ok {
		t.Errorf("long digit-free run held back")
	}
}

func TestNumberGateEnd(t *testing.T) {
	g := newNumberGate("1 ngày làm việc")
	tests := []struct {
		in, show string
		ok       bool
	}{
		{"Xong trong 1 ngày làm việc", "", true},
	}
	for _, tt := range tests {
		show, ok := g.add(tt.in)
		if show != tt.show || ok != tt.ok {
			t.Errorf("add(%q) = %q %v, want %q %v", tt.in, show, ok, tt.show, tt.ok)
		}
	}
	if rest, ok := g.flush(); rest != "Xong trong 1 ngày làm việc" || !ok {
		t.Errorf("flush = %q %v", rest, ok)
	}
	g.add("Hoặc 3 tháng")
	if _, ok := g.flush(); ok {
		t.Errorf("an invented duration at the very end passed")
	}
}

// Text an LLM wrote before one of its sentences failed a check (here an
// account number no source holds) is neither returned in the JSON answer
// nor kept in the answer's record: only the sources' word is.
func TestLLMTextFailingACheckIsNotKept(t *testing.T) {
	llm := llmtest.New(t)
	llm.Set("stream", "Hồ sơ gồm tờ khai đăng ký kết hôn theo mẫu [1]. ", "Lệ phí chuyển vào tài khoản 1903 6512 3456 78 [1].")
	b, rec := newBot(t, llm, nil)
	r := reply(t, b, Question{Text: "đăng ký kết hôn cần giấy tờ gì", Commune: "demo"})
	if r.Fallback != "claims" && r.Fallback != "numbers" {
		t.Fatalf("fallback %q, want claims or numbers", r.Fallback)
	}
	kept := rec.recs[len(rec.recs)-1].Answer
	for _, text := range []string{r.Answer, kept} {
		for _, bad := range []string{"1903", "chuyển vào tài khoản", "theo mẫu [1]"} {
			if strings.Contains(text, bad) {
				t.Errorf("the failed LLM text %q is kept:\n%s", bad, text)
			}
		}
		if !strings.Contains(text, "Tờ khai đăng ký kết hôn") {
			t.Errorf("no extractive answer:\n%s", text)
		}
	}
}
