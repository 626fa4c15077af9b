package web

import (
	"time"
)

// ops holds what the operator needs: metrics, the per-client question
// limits (nil when off) and the API description.
type ops struct {
	metrics *metrics
	// questions limits POST /api/v1/ask and the chat form; voice limits
	// POST /api/v1/transcribe.
	questions, voice *limiter
	// searches and feedback have buckets of their own: a search costs
	// less than an answer (searchesPerQuestion of them per question
	// allowed), feedback is one per answer.
	searches, feedback *limiter
	// tickets limits the questions left for the commune office: a bucket
	// of its own, as large as the questions'.
	tickets *limiter
	// bodyDeadline, when set, replaces the read deadlines of bodylimit.go
	// (tests).
	bodyDeadline time.Duration
	openapi      *openapiDoc
}

// searchesPerQuestion is how many searches a client may make for each
// question the rate limit allows.
const searchesPerQuestion = 4

func newOps(cfg Config) (*ops, error) {
	m, err := newMetrics(cfg)
	if err != nil {
		return nil, err
	}
	doc, err := newOpenAPIDoc()
	if err != nil {
		return nil, err
	}
	return &ops{
		metrics:   m,
		questions: newLimiter(cfg.RateLimit, maxClients, time.Now),
		voice:     newLimiter(cfg.RateLimit, maxClients, time.Now),
		searches:  newLimiter(cfg.RateLimit*searchesPerQuestion, maxClients, time.Now),
		feedback:  newLimiter(cfg.RateLimit, maxClients, time.Now),
		tickets:   newLimiter(cfg.RateLimit, maxClients, time.Now),
		openapi:   doc,
	}, nil
}
