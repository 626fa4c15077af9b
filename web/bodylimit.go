package web

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/hoidap/hoidap/chatbot"
)

// Request body bounds by route. A question is at most 500 characters, so
// 16 KB of JSON or form is plenty; recordings have their own bound in
// transcribe.go; uploads under /admin are bounded by their handlers
// (20 MB), so the bound here only stops what no handler would take.
const (
	maxBody           = 16 << 10
	maxTranscribeBody = maxAudio + 1<<20
	maxAdminBody      = 32 << 20
)

// recordingTooLarge refuses a recording over maxAudio.
const recordingTooLarge = "Bản ghi quá dài: tối đa 5 MB (khoảng một phút). Hãy nói ngắn hơn. (Recording too large: 5 MB at most)"

// Read deadlines for request bodies: the server has no ReadTimeout (it
// would bound streamed answers too), so a client that sends its body a
// byte at a time is cut off here instead.
const (
	bodyDeadline      = 60 * time.Second
	adminBodyDeadline = 10 * time.Minute
)

// bodyLimit returns the largest body the request's route takes and how
// long the client has to send it.
func bodyLimit(c *gin.Context) (int64, time.Duration) {
	p := c.Request.URL.Path
	switch {
	case p == "/admin" || strings.HasPrefix(p, "/admin/") || p == "/api/v1/admin" || strings.HasPrefix(p, "/api/v1/admin/"):
		return maxAdminBody, adminBodyDeadline
	case c.FullPath() == "/api/v1/transcribe":
		return maxTranscribeBody, 2 * bodyDeadline
	}
	return maxBody, bodyDeadline
}

// limitBodies bounds every request body by route. A body whose
// Content-Length is over the bound is refused with 413 before a byte of
// it is read; one without a length is cut at the bound, where the
// handler's read fails (and readJSON answers 413).
func (s *Server) limitBodies(c *gin.Context) {
	if c.Request.Body == nil || c.Request.Body == http.NoBody || c.Request.ContentLength == 0 {
		c.Next()
		return
	}
	limit, deadline := bodyLimit(c)
	if c.Request.ContentLength > limit {
		s.refuseBody(c, limit)
		return
	}
	if s.ops.bodyDeadline > 0 {
		deadline = s.ops.bodyDeadline
	}
	// Not every ResponseWriter can (httptest's cannot): then no deadline.
	_ = http.NewResponseController(c.Writer).SetReadDeadline(time.Now().Add(deadline))
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
	c.Next()
}

// refuseBody answers 413: the chat page with its message for the form
// without JavaScript, JSON otherwise. The connection is closed after it,
// so the rest of the body is never read.
func (s *Server) refuseBody(c *gin.Context, limit int64) {
	c.Header("Connection", "close")
	if c.Request.Method == http.MethodPost && c.FullPath() == "/x/:commune" {
		c.Abort()
		s.renderChatError(c, http.StatusRequestEntityTooLarge, false, func(t map[string]string) string { return t["too_long"] })
		return
	}
	size := fmt.Sprintf("%d KB", limit>>10)
	if limit >= 1<<20 {
		size = fmt.Sprintf("%d MB", limit>>20)
	}
	msg := fmt.Sprintf("Yêu cầu quá lớn: tối đa %s. (Request too large: %s at most)", size, size)
	switch limit {
	case maxTranscribeBody:
		msg = recordingTooLarge
	case maxBody:
		msg = fmt.Sprintf("Yêu cầu quá lớn: tối đa %s; một câu hỏi tối đa %d ký tự. (Request too large: %s at most)", size, chatbot.MaxQuestion, size)
	}
	c.AbortWithStatusJSON(http.StatusRequestEntityTooLarge, gin.H{"error": msg})
}
