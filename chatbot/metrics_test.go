package chatbot

import (
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/llmtest"
	"github.com/prometheus/client_golang/prometheus"
)

// sample returns the value of a counter, or the sample count of a
// histogram, whose labels include want; 0 when there is none.
func sample(t *testing.T, reg *prometheus.Registry, name string, want map[string]string) float64 {
	t.Helper()
	fams, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			n := 0
			for _, l := range m.GetLabel() {
				if v, ok := want[l.GetName()]; ok && v == l.GetValue() {
					n++
				}
			}
			if n != len(want) {
				continue
			}
			if h := m.GetHistogram(); h != nil {
				return float64(h.GetSampleCount())
			}
			return m.GetCounter().GetValue()
		}
	}
	return 0
}

func TestMetricsCountAnswersAndLLM(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	llm := llmtest.New(t, "Hồ sơ gồm ", "Tờ khai đăng ký kết hôn [1].")
	b, err := New(Config{Knowledge: starterBase(t), BaseURL: llm.URL(), Model: "fake", Metrics: m,
		FirstToken: 300 * time.Millisecond, Total: 3 * time.Second, BreakerFailures: 10})
	if err != nil {
		t.Fatal(err)
	}
	q := Question{Text: "đăng ký kết hôn cần giấy tờ gì"}
	reply(t, b, q)
	llm.Set("500")
	reply(t, b, q)
	llm.Set("hang")
	reply(t, b, q)
	reply(t, b, Question{Text: "giá vàng hôm nay"})

	tests := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"hoidap_answers_total", map[string]string{"mode": "llm", "grounded": "true"}, 1},
		{"hoidap_answers_total", map[string]string{"mode": "extractive", "grounded": "true"}, 2},
		{"hoidap_answers_total", map[string]string{"mode": "extractive", "grounded": "false"}, 1},
		{"hoidap_llm_first_token_seconds", nil, 1},
		{"hoidap_llm_duration_seconds", nil, 1},
		{"hoidap_llm_tokens_total", nil, 2},
		{"hoidap_llm_errors_total", map[string]string{"kind": "status"}, 1},
		{"hoidap_llm_errors_total", map[string]string{"kind": "timeout"}, 1},
		{"hoidap_fallbacks_total", map[string]string{"reason": "error"}, 1},
		{"hoidap_fallbacks_total", map[string]string{"reason": "timeout"}, 1},
		{"hoidap_fallbacks_total", map[string]string{"reason": "budget"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sample(t, reg, tt.name, tt.labels); got != tt.want {
				t.Errorf("%s%v = %v, want %v", tt.name, tt.labels, got, tt.want)
			}
		})
	}
	if _, err := NewMetrics(reg); err == nil {
		t.Errorf("metrics registered twice on one registry without an error")
	}
}
