package web

import (
	"time"

	"github.com/gin-gonic/gin"
)

// ops holds what the operator needs: metrics, the per-client question
// limits (nil when off) and the API description.
type ops struct {
	metrics *metrics
	// questions limits POST /api/v1/ask and the chat form; voice limits
	// POST /api/v1/transcribe.
	questions, voice *limiter
	// bodyDeadline, when set, replaces the read deadlines of bodylimit.go
	// (tests).
	bodyDeadline time.Duration
	openapi      *openapiDoc
}

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
		openapi:   doc,
	}, nil
}

// opsRoutes declares /metrics and the API description.
func (s *Server) opsRoutes(r *gin.Engine) {
	r.GET("/metrics", s.handleMetrics)
	r.GET("/api/v1/openapi.yaml", s.handleOpenAPI)
}
