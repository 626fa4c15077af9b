package web

import "github.com/gin-gonic/gin"

// Pacer is what lets the knowledge base's indexing of an upload yield to
// residents: Asking marks a request as running until done is called.
type Pacer interface {
	Asking() (done func())
}

// asking marks a resident's question or search as running for the
// knowledge base, when it is a Pacer.
func (s *Server) asking(c *gin.Context) {
	if p, ok := s.cfg.Knowledge.(Pacer); ok {
		defer p.Asking()()
	}
	c.Next()
}
