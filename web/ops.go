package web

import "github.com/gin-gonic/gin"

// ops holds metrics and limits.
type ops struct{}

func newOps(cfg Config) (*ops, error) { return &ops{}, nil }

// opsRoutes declares /metrics and the API description.
func (s *Server) opsRoutes(r *gin.Engine) {}
