package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/knowledge"
)

// errBadRequest marks errors whose message is safe and useful to show.
var errBadRequest = errors.New("bad request")

// badRequest is a client error with a message for the user.
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }
func (e badRequest) Is(target error) bool {
	return target == errBadRequest
}

// statusClientClosed is nginx's status for a request whose client left
// before the answer: logged and counted apart from server errors.
const statusClientClosed = 499

// fail maps err to a status and a JSON body through one table. Users see
// "Internal error" for 5xx, never the error text. It logs server errors
// once, here.
func (s *Server) fail(c *gin.Context, err error) {
	status, msg := http.StatusInternalServerError, "Lỗi hệ thống, vui lòng thử lại sau. (Internal error)"
	var br badRequest
	switch {
	case errors.As(err, &br):
		status, msg = http.StatusBadRequest, br.msg
	case errors.Is(err, knowledge.ErrNotFound):
		status, msg = http.StatusNotFound, "Không tìm thấy. (Not found)"
	case errors.Is(err, knowledge.ErrInvalid):
		status, msg = http.StatusBadRequest, err.Error()
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
