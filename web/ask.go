package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/chatbot"
)

// Bot is what the web layer needs of the chatbot.
type Bot interface {
	Answer(ctx context.Context, q chatbot.Question, emit func(chatbot.Event) error) (chatbot.Done, error)
	Reply(ctx context.Context, q chatbot.Question) (chatbot.Reply, error)
	LLMState() string
}

const (
	// maxAskBody bounds a question's request body.
	maxAskBody = 16 << 10
	// maxSessionID bounds a client's session id, in bytes.
	maxSessionID = 128
	// askDeadline bounds one answer, streamed or not.
	askDeadline = 30 * time.Second
)

type askRequest struct {
	Question string `json:"question"`
	Commune  string `json:"commune"`
	Session  string `json:"session"`
	Poster   string `json:"poster"`
	Lang     string `json:"lang"`
}

// errTooLarge is a request body over its bound.
var errTooLarge = errors.New("request body too large")

// readJSON decodes a bounded JSON body into v; a body over limit is
// refused from its Content-Length before it is read.
func readJSON(c *gin.Context, limit int64, v any) error {
	if c.Request.ContentLength > limit {
		return errTooLarge
	}
	body := http.MaxBytesReader(c.Writer, c.Request.Body, limit)
	if err := json.NewDecoder(body).Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return errTooLarge
		}
		if errors.Is(err, io.EOF) {
			return badRequest("Thiếu nội dung yêu cầu. (Empty body)")
		}
		return badRequest("Yêu cầu không hợp lệ: cần JSON. (Invalid JSON)")
	}
	return nil
}

// failBody answers a body that readJSON refused.
func (s *Server) failBody(c *gin.Context, err error) {
	if errors.Is(err, errTooLarge) {
		c.AbortWithStatusJSON(http.StatusRequestEntityTooLarge, gin.H{"error": "Yêu cầu quá lớn. (Request too large)"})
		return
	}
	s.fail(c, err)
}

// handleAsk answers a question as JSON, or as SSE events source, delta
// and done when the client accepts text/event-stream.
func (s *Server) handleAsk(c *gin.Context) {
	if s.cfg.Bot == nil {
		c.AbortWithStatusJSON(http.StatusServiceUnavailable, gin.H{"error": "Chưa sẵn sàng trả lời. (No chatbot configured)"})
		return
	}
	var req askRequest
	if err := readJSON(c, maxAskBody, &req); err != nil {
		s.failBody(c, err)
		return
	}
	q := chatbot.Question{Text: strings.TrimSpace(req.Question), Commune: req.Commune, Session: req.Session, Poster: req.Poster, Lang: req.Lang}
	if len(q.Session) > maxSessionID {
		q.Session = "" // not a session id this service gave: no context
	}
	if q.Commune != "" {
		info, ok := s.site.communes.Lookup(q.Commune)
		if !ok {
			s.fail(c, badRequest("Không có xã/phường này. (Unknown commune)"))
			return
		}
		q.Commune = info.Slug
	}
	q.Poster = s.knownPoster(c.Request.Context(), q.Commune, q.Poster) // a poster belongs to a commune's page
	if q.Text == "" {
		s.fail(c, badRequest("Thiếu câu hỏi. (Missing question)"))
		return
	}
	if utf8.RuneCountInString(q.Text) > chatbot.MaxQuestion {
		s.fail(c, errQuestionTooLong)
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), askDeadline)
	defer cancel()
	if strings.Contains(c.GetHeader("Accept"), "text/event-stream") {
		s.streamAnswer(ctx, c, q)
		return
	}
	r, err := s.cfg.Bot.Reply(ctx, q)
	if err != nil {
		s.fail(c, askError(err))
		return
	}
	s.writeJSON(c, http.StatusOK, r)
}

// writeJSON writes v as JSON with its length: answers and search results
// are the service's hot path, and a body of known length leaves in one
// write, where gin's c.JSON copies it once more and net/http sends a body
// over 2 KB in chunks.
func (s *Server) writeJSON(c *gin.Context, status int, v any) {
	buf, _ := s.bodies.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() {
		if buf.Cap() <= 64<<10 { // an outsized body is not kept
			buf.Reset()
			s.bodies.Put(buf)
		}
	}()
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		s.fail(c, fmt.Errorf("web: write json: %w", err))
		return
	}
	c.Header("Content-Type", "application/json; charset=utf-8")
	c.Header("Content-Length", strconv.Itoa(buf.Len()))
	c.Status(status)
	_, _ = c.Writer.Write(buf.Bytes())
}

// streamAnswer sends the answer as server-sent events, flushing each one.
func (s *Server) streamAnswer(ctx context.Context, c *gin.Context, q chatbot.Question) {
	h := c.Writer.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no") // nginx: do not buffer the stream
	started := false
	_, err := s.cfg.Bot.Answer(ctx, q, func(e chatbot.Event) error {
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
		started = true
		switch e.Kind {
		case chatbot.EventSource:
			c.SSEvent(e.Kind, e.Source)
		case chatbot.EventDelta:
			c.SSEvent(e.Kind, gin.H{"text": e.Delta})
		case chatbot.EventDone:
			c.SSEvent(e.Kind, e.Done)
		}
		c.Writer.Flush()
		return nil
	})
	switch {
	case err == nil:
	case !started:
		s.fail(c, askError(err))
	case ctx.Err() != nil:
		// The resident left or the deadline passed: nothing more to say.
	default:
		s.log.Error("answer stream failed", slog.Any("error", err))
		c.SSEvent("error", gin.H{"error": "Lỗi hệ thống, vui lòng thử lại sau."})
		c.Writer.Flush()
	}
}

// errQuestionTooLong refuses a question over chatbot.MaxQuestion.
var errQuestionTooLong = badRequest(fmt.Sprintf("Câu hỏi quá dài, tối đa %d ký tự. (Question too long: %d characters at most)",
	chatbot.MaxQuestion, chatbot.MaxQuestion))

// askError turns the chatbot's refusals into messages for the resident.
func askError(err error) error {
	switch {
	case errors.Is(err, chatbot.ErrTooLong):
		return errQuestionTooLong
	case errors.Is(err, chatbot.ErrEmpty):
		return badRequest("Câu hỏi chưa có nội dung. (Empty question)")
	}
	return err
}
