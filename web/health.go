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

// pinger is a database that can be asked whether it answers: the
// office's records, on PostgreSQL when replicas share them.
type pinger interface {
	Ping(ctx context.Context) error
}

// backlogger tells how many answer records wait in memory for the
// records' database.
type backlogger interface {
	AnswerBacklog() (queued int, dropped int64)
}

// handleReady reports whether the store and the records' database answer
// and the index is open. A replica whose records' database is down
// still answers residents from its index; readiness tells the operator
// and the proxy.
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
	if p, ok := s.cfg.Records.(pinger); ok {
		if err := p.Ping(ctx); err != nil {
			checks["records"] = "down"
			ready = false
		} else {
			checks["records"] = "ok"
		}
	}
	if b, ok := s.cfg.Records.(backlogger); ok {
		queued, dropped := b.AnswerBacklog()
		checks["answer_backlog"] = gin.H{"queued": queued, "dropped": dropped}
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
