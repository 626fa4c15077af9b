package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the web layer's Prometheus series. Routes are labelled by
// their template ("/x/:commune"), never the raw path, so a scan of random
// URLs cannot grow the series without bound.
type metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.HistogramVec
	rateLimited *prometheus.CounterVec
	streams     prometheus.Gauge
	handler     http.Handler
}

// requestBuckets spans a cached static file to a long streamed answer.
var requestBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

func newMetrics(cfg Config) (*metrics, error) {
	reg := cfg.Registry
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	m := &metrics{
		reg: reg,
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "hoidap_http_request_duration_seconds", Help: "HTTP requests by route template, method and status class (2xx…5xx).",
			Buckets: requestBuckets,
		}, []string{"route", "method", "code"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hoidap_rate_limited_total", Help: "Questions refused with 429 because a client asked too fast, by route.",
		}, []string{"route"}),
		streams: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "hoidap_streams_in_flight", Help: "Answers being streamed as server-sent events now.",
		}),
	}
	for _, c := range []prometheus.Collector{m.requests, m.rateLimited, m.streams, newKnowledgeCollector(cfg.Knowledge)} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("web: register metrics: %w", err)
		}
	}
	// The runtime's own series, unless whoever made the registry added them.
	for _, c := range []prometheus.Collector{collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})} {
		var are prometheus.AlreadyRegisteredError
		if err := reg.Register(c); err != nil && !errors.As(err, &are) {
			return nil, fmt.Errorf("web: register runtime metrics: %w", err)
		}
	}
	m.handler = promhttp.HandlerFor(reg, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError, Registry: reg})
	return m, nil
}

// measure records each request's latency by route, method and status
// class, and counts the answers being streamed.
func (s *Server) measure(c *gin.Context) {
	start := time.Now()
	route := c.FullPath()
	if route == "/api/v1/ask" && strings.Contains(c.GetHeader("Accept"), "text/event-stream") {
		s.ops.metrics.streams.Inc()
		defer s.ops.metrics.streams.Dec()
	}
	c.Next()
	if route == "" {
		route = "unmatched"
	}
	code := strconv.Itoa(c.Writer.Status()/100) + "xx"
	s.ops.metrics.requests.WithLabelValues(route, c.Request.Method, code).Observe(time.Since(start).Seconds())
}

// handleMetrics serves GET /metrics in the Prometheus text format, to a
// scraper with the metrics token when one is set.
func (s *Server) handleMetrics(c *gin.Context) {
	if t := s.cfg.MetricsToken; t != "" {
		got, ok := bearer(c.GetHeader("Authorization"))
		if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(t)) != 1 {
			c.Header("WWW-Authenticate", `Bearer realm="metrics"`)
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "Cần mã truy cập số liệu. (Metrics token required)"})
			return
		}
	}
	s.ops.metrics.handler.ServeHTTP(c.Writer, c.Request)
}

// knowledgeCollector reports the size of the knowledge base at each
// scrape: documents in the index, documents and passages in the store.
type knowledgeCollector struct {
	kb                      Readiness
	indexed, docs, passages *prometheus.Desc
}

func newKnowledgeCollector(kb Readiness) *knowledgeCollector {
	return &knowledgeCollector{
		kb:       kb,
		indexed:  prometheus.NewDesc("hoidap_index_documents", "Documents in the search index.", nil, nil),
		docs:     prometheus.NewDesc("hoidap_store_documents", "Documents in the store.", nil, nil),
		passages: prometheus.NewDesc("hoidap_store_passages", "Passages in the store, each searchable on its own.", nil, nil),
	}
}

// Describe sends the descriptions of the series.
func (k *knowledgeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- k.indexed
	ch <- k.docs
	ch <- k.passages
}

// Collect counts the knowledge base; a store that does not answer within
// a second leaves its series out of this scrape.
func (k *knowledgeCollector) Collect(ch chan<- prometheus.Metric) {
	ch <- prometheus.MustNewConstMetric(k.indexed, prometheus.GaugeValue, float64(k.kb.Indexed()))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	docs, passages, err := k.kb.CountDocuments(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(k.docs, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(k.docs, prometheus.GaugeValue, float64(docs))
	ch <- prometheus.MustNewConstMetric(k.passages, prometheus.GaugeValue, float64(passages))
}
