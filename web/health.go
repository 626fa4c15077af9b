package web

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

func (s *Server) handleHealth(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// handleReady reports whether the store answers and the index is open.
func (s *Server) handleReady(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	checks := gin.H{}
	ready := true
	if err := s.cfg.Knowledge.Ping(ctx); err != nil {
		checks["store"] = "down"
		ready = false
	} else {
		checks["store"] = "ok"
	}
	n := s.cfg.Knowledge.Indexed()
	checks["index_documents"] = n
	if n == 0 {
		checks["index"] = "empty"
		ready = false
	} else {
		checks["index"] = "ok"
	}
	// An open LLM circuit or a spent daily LLM budget does not make the
	// service unready: answers fall back to extractive ones. Both are
	// reported for the operator.
	if s.cfg.Bot != nil {
		llm := gin.H{"state": s.cfg.Bot.LLMState()}
		if b, ok := s.cfg.Bot.(interface{ LLMBudget() string }); ok {
			llm["budget"] = b.LLMBudget()
		}
		checks["llm"] = llm
	}
	status := http.StatusOK
	if !ready {
		status = http.StatusServiceUnavailable
	}
	checks["ready"] = ready
	c.JSON(status, checks)
}

// Readiness is what readiness and the metrics read of the knowledge base.
type Readiness interface {
	Ping(ctx context.Context) error
	Indexed() int
	CountDocuments(ctx context.Context) (docs, passages int, err error)
}
