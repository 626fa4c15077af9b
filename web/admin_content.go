package web

import "github.com/gin-gonic/gin"

// adminContentRoutes declares the communes, posters and dashboard pages
// inside the logged-in /admin group.
func (s *Server) adminContentRoutes(g *gin.RouterGroup) {}
