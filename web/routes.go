package web

// routes declares every route, top to bottom.
func (s *Server) routes() {
	r := s.router
	r.Use(s.securityHeaders, s.measure, s.recoverPanics, s.logRequests, s.limitBodies, s.limitRate)

	r.GET("/healthz", s.handleHealth)
	r.GET("/readyz", s.handleReady)

	// Residents' pages: find your commune, chat, QR codes and posters.
	r.GET("/", s.handleLanding)
	r.GET("/x/:commune", s.handleChatPage)
	r.POST("/x/:commune", s.handleChatPost)
	r.GET("/a/:id", s.handleSharePage)
	r.GET("/qr/:file", s.handleQR)
	r.GET("/poster/:commune", s.handlePoster)
	r.GET("/static/:file", s.handleStatic)
	r.NoRoute(s.notFound)

	api := r.Group("/api/v1")
	api.GET("/search", s.handleSearch)
	api.POST("/ask", s.handleAsk)
	api.POST("/feedback", s.handleFeedback)
	api.GET("/communes", s.handleCommunes)
	api.POST("/transcribe", s.handleTranscribe)

	s.opsRoutes(r)
	s.adminRoutes(r)
}
