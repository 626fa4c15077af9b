package chatbot

import (
	"fmt"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics counts what the bot does for Prometheus: answers, the LLM's
// latency, errors and tokens, and fallbacks to extractive answers. A nil
// *Metrics records nothing.
type Metrics struct {
	answers    *prometheus.CounterVec
	firstToken prometheus.Histogram
	total      prometheus.Histogram
	errors     *prometheus.CounterVec
	tokens     prometheus.Counter
	fallbacks  *prometheus.CounterVec
}

// llmBuckets spans a fast local model to the whole-answer deadline.
var llmBuckets = []float64{0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30}

// NewMetrics makes the bot's metrics and registers them with reg.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hoidap_answers_total", Help: "Answers given, by mode (llm, extractive) and whether they were grounded in sources.",
		}, []string{"mode", "grounded"}),
		firstToken: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "hoidap_llm_first_token_seconds", Help: "Time from the LLM request to its first token.", Buckets: llmBuckets,
		}),
		total: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "hoidap_llm_duration_seconds", Help: "Time of a whole LLM answer that completed.", Buckets: llmBuckets,
		}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hoidap_llm_errors_total", Help: "Failed LLM calls, by kind: request, status, stream, empty, timeout.",
		}, []string{"kind"}),
		tokens: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "hoidap_llm_tokens_total", Help: "Tokens the LLM used, prompt included, as the server reports them (stream chunks when it reports none).",
		}),
		fallbacks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hoidap_fallbacks_total", Help: "LLM answers replaced by extractive ones, by reason: error, timeout, numbers, open, budget, claims.",
		}, []string{"reason"}),
	}
	for _, c := range []prometheus.Collector{m.answers, m.firstToken, m.total, m.errors, m.tokens, m.fallbacks} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("chatbot: register metrics: %w", err)
		}
	}
	// Known label values start at zero, so rates work from the first scrape.
	for _, r := range fallbackReasons {
		m.fallbacks.WithLabelValues(r)
	}
	for _, k := range []string{"request", "status", "stream", "empty", "timeout"} {
		m.errors.WithLabelValues(k)
	}
	return m, nil
}

func (m *Metrics) answer(mode string, grounded bool) {
	if m != nil {
		m.answers.WithLabelValues(mode, strconv.FormatBool(grounded)).Inc()
	}
}

func (m *Metrics) fallback(reason string) {
	if m != nil {
		m.fallbacks.WithLabelValues(reason).Inc()
	}
}

func (m *Metrics) llmError(kind string) {
	if m != nil {
		m.errors.WithLabelValues(kind).Inc()
	}
}

func (m *Metrics) llmFirstToken(d time.Duration) {
	if m != nil {
		m.firstToken.Observe(d.Seconds())
	}
}

func (m *Metrics) llmDone(d time.Duration) {
	if m != nil {
		m.total.Observe(d.Seconds())
	}
}

func (m *Metrics) llmTokens(n int) {
	if m != nil && n > 0 {
		m.tokens.Add(float64(n))
	}
}
