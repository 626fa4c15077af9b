package web

import "github.com/gin-gonic/gin"

// adminSite holds the administrators' side: accounts, sessions, tokens.
type adminSite struct{}

func newAdminSite(cfg Config) (*adminSite, error) { return &adminSite{}, nil }

// adminRoutes declares /admin and /api/v1/admin.
func (s *Server) adminRoutes(r *gin.Engine) {}
