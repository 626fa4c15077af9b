package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// routes declares every route of the service, top to bottom, one a line.
func (s *Server) routes() {
	r := s.router
	r.Use(s.securityHeaders, s.measure, s.recoverPanics, s.logRequests, s.limitBodies, s.limitRate)

	// Health and operations.
	r.GET("/healthz", s.handleHealth)
	r.GET("/readyz", s.handleReady)
	r.GET("/metrics", s.handleMetrics)

	// Residents' pages: find your commune, chat, QR codes and posters.
	r.GET("/", s.handleLanding)
	r.GET("/x/:commune", s.handleChatPage)
	r.POST("/x/:commune", s.asking, s.handleChatPost)
	r.GET("/x/:commune/hoi-can-bo", s.handleAskOfficePage)
	r.POST("/x/:commune/hoi-can-bo", s.handleAskOffice)
	r.GET("/t/:token", s.handleTicketPage)
	r.GET("/a/:id", s.handleSharePage)
	r.GET("/qr/:file", s.handleQR)
	r.GET("/poster/:commune", s.handlePoster)
	r.GET("/static/:file", s.handleStatic)
	r.NoRoute(s.notFound)

	// Residents' API.
	api := r.Group("/api/v1")
	api.GET("/search", s.asking, s.handleSearch)
	api.POST("/ask", s.asking, s.handleAsk)
	api.POST("/feedback", s.handleFeedback)
	api.GET("/communes", s.handleCommunes)
	api.POST("/transcribe", s.handleTranscribe)
	api.GET("/openapi.yaml", s.handleOpenAPI)

	// Admin API: a bearer token.
	tok := r.Group("/api/v1/admin", s.requireToken)
	tok.GET("/documents", s.handleAPIDocuments)
	tok.POST("/documents", s.handleAPIUpload)
	tok.DELETE("/documents/:id", s.handleAPIDelete)

	// Admin pages before a full session: login, logout, a due password.
	r.GET("/admin", s.handleAdminHome)
	pub := r.Group("/admin", s.preSession, s.checkCSRF)
	pub.GET("/login", s.handleLoginPage)
	pub.POST("/login", s.handleLogin)
	pub.POST("/logout", s.handleLogout)
	pub.GET("/password", s.requireSession, s.handlePasswordPage)
	pub.POST("/password", s.requireSession, s.handlePassword)

	// Admin pages: a logged-in user whose password is not due, and the
	// CSRF check on every non-GET request. Each handler checks the
	// commune it acts on with mayCommune.
	adm := r.Group("/admin", s.requireLogin, s.checkCSRF, s.communeByName)
	adm.GET("/documents", s.handleDocuments)
	adm.POST("/documents", s.handleUpload)
	adm.GET("/documents/:id", s.handleDocument)
	adm.POST("/documents/:id/replace", s.handleReplace)
	adm.GET("/documents/:id/delete", s.handleDeletePage)
	adm.POST("/documents/:id/delete", s.handleDelete)
	adm.POST("/documents/:id/hide", s.handleHide)
	adm.POST("/documents/:id/unhide", s.handleUnhide)
	adm.GET("/users", s.handleUsers)
	adm.POST("/users", s.requireProvince, s.handleCreateUser)
	adm.POST("/users/:id/password", s.requireProvince, s.handleResetPassword)
	adm.GET("/users/:id/delete", s.requireProvince, s.handleDeleteUserPage)
	adm.POST("/users/:id/delete", s.requireProvince, s.handleDeleteUser)
	adm.POST("/tokens", s.handleCreateToken)
	adm.POST("/tokens/:id/delete", s.handleDeleteToken)
	adm.GET("/communes", s.handleAdminCommunes)
	adm.GET("/communes/new", s.requireProvince, s.handleCommuneNewPage)
	adm.POST("/communes/new", s.requireProvince, s.handleCommuneCreate)
	adm.GET("/communes/:commune", s.handleCommunePage)
	adm.POST("/communes/:commune", s.handleCommuneSave)
	adm.GET("/posters", s.handleAdminPosters)
	adm.GET("/posters/:commune", s.handlePostersPage)
	adm.POST("/posters/:commune", s.handlePosterCreate)
	adm.POST("/posters/:commune/:poster/rename", s.handlePosterRename)
	adm.POST("/posters/:commune/:poster/delete", s.handlePosterDelete)
	adm.GET("/dashboard", s.handleDashboard)
	adm.GET("/export.csv", s.handleExport)
	adm.GET("/tickets", s.handleTicketList)
	adm.GET("/tickets/:id", s.handleAdminTicket)
	adm.POST("/tickets/:id", s.handleTicketReply)
	adm.POST("/tickets/:id/approve", s.handleTicketApprove)
	adm.GET("/approved", s.handleApprovedList)
	adm.GET("/approved/new", s.handleApprovedNew)
	adm.POST("/approved/new", s.handleApprovedCreate)
	adm.GET("/approved/:id", s.handleApprovedPage)
	adm.POST("/approved/:id", s.handleApprovedSave)
	adm.POST("/approved/:id/delete", s.handleApprovedDelete)
}

// handleAdminHome sends /admin to the documents page.
func (s *Server) handleAdminHome(c *gin.Context) { c.Redirect(http.StatusSeeOther, "/admin/documents") }
