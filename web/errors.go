package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/hoidap/hoidap/internal/fault"
)

// badRequest is a refusal whose message the user reads as it is.
func badRequest(msg string) error { return &fault.Error{Message: msg} }

// inputMessage returns the message of a refusal meant for the user: a
// *fault.Error's, never another error's text.
func inputMessage(err error) (string, bool) {
	if e, ok := errors.AsType[*fault.Error](err); ok {
		return e.Message, true
	}
	return "", false
}

// statusClientClosed is nginx's status for a request whose client left
// before the answer: logged and counted apart from server errors.
const statusClientClosed = 499

// fail maps err to a status and a JSON body through one table. Users see
// "Internal error" for 5xx, never the error text. It logs server errors
// once, here.
func (s *Server) fail(c *gin.Context, err error) {
	status, msg := http.StatusInternalServerError, "Lỗi hệ thống, vui lòng thử lại sau. (Internal error)"
	shown, ok := inputMessage(err)
	switch {
	case ok:
		status, msg = http.StatusBadRequest, shown
	case errors.Is(err, fault.ErrNotFound):
		status, msg = http.StatusNotFound, "Không tìm thấy. (Not found)"
	case errors.Is(err, fault.ErrInvalid):
		// An internal refusal's text is for the log, not for residents.
		s.log.Warn("request refused", slog.String("path", c.FullPath()), slog.Any("error", err))
		status, msg = http.StatusBadRequest, "Yêu cầu không hợp lệ. (Invalid request)"
	case errors.Is(err, context.Canceled) && c.Request.Context().Err() != nil:
		// The resident hung up: nobody reads the answer, nothing failed.
		c.AbortWithStatus(statusClientClosed)
		return
	case errors.Is(err, context.DeadlineExceeded):
		s.log.Warn("request timed out", slog.String("path", c.FullPath()))
		c.AbortWithStatusJSON(http.StatusServiceUnavailable,
			gin.H{"error": "Hệ thống đang bận, vui lòng thử lại sau ít phút. (Busy: try again in a few minutes)"})
		return
	}
	if status >= 500 {
		s.log.Error("request failed", slog.String("path", c.FullPath()), slog.Any("error", err))
	}
	c.AbortWithStatusJSON(status, gin.H{"error": msg})
}
