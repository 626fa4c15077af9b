package web

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/internal/records"
)

// maxFeedbackBody bounds a feedback request body.
const maxFeedbackBody = 8 << 10

type feedbackRequest struct {
	AnswerID string `json:"answer_id"`
	Helpful  *bool  `json:"helpful"`
	Comment  string `json:"comment"`
}

// handleFeedback stores a resident's verdict on an answer.
func (s *Server) handleFeedback(c *gin.Context) {
	var req feedbackRequest
	if err := readJSON(c, maxFeedbackBody, &req); err != nil {
		s.failBody(c, err)
		return
	}
	if req.AnswerID == "" || req.Helpful == nil {
		s.fail(c, badRequest("Cần answer_id và helpful. (answer_id and helpful are required)"))
		return
	}
	comment, _ := chatbot.Mask(req.Comment) // kept masked, as questions are
	if err := s.site.feedback.Feedback(c.Request.Context(), req.AnswerID, *req.Helpful, comment); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

// AnswerLog is what residents' feedback, the share link, the dashboard
// and the export need of the answer records.
type AnswerLog interface {
	// Answer is one answer record by its id, for the share link and the
	// page a form without JavaScript redirects to.
	Answer(ctx context.Context, id string) (records.AnswerRecord, error)
	Feedback(ctx context.Context, answerID string, helpful bool, comment string) error
	Summarize(ctx context.Context, r records.Range, zone *time.Location, topN, gapN int) (records.Summary, error)
	ExportAnswers(ctx context.Context, r records.Range, fn func(records.ExportRow) error) error
}
