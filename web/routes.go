package web

// routes declares every route, top to bottom.
func (s *Server) routes() {
	r := s.router
	r.Use(s.recoverPanics, s.logRequests)

	r.GET("/healthz", s.handleHealth)
	r.GET("/readyz", s.handleReady)

	api := r.Group("/api/v1")
	api.GET("/search", s.handleSearch)
}
