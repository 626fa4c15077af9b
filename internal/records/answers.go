package records

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hoidap/hoidap/internal/fault"
)

// AnswerRecord is what the service keeps of one answer for the
// administrators' analytics. Question is already masked.
type AnswerRecord struct {
	ID        string
	Session   string
	Commune   string
	Poster    string
	Question  string
	Answer    string
	Mode      string // "llm" or "extractive" or "approved"
	Grounded  bool
	Sources   []string // document IDs cited
	LatencyMS int64
	Tokens    int
	Created   time.Time
}

// maxComment bounds a feedback comment, in characters.
const maxComment = 1000

// RecordAnswer keeps one answer for the administrators' analytics. The
// question must already be masked. It returns once the record is
// committed; records of concurrent callers share one transaction. While
// the database does not answer, it returns at once and the record waits
// in memory (see AnswerBacklog).
func (s *Store) RecordAnswer(ctx context.Context, r AnswerRecord) error {
	if r.ID == "" {
		return fmt.Errorf("records: record answer: no id: %w", ErrInvalid)
	}
	sources := r.Sources
	if sources == nil {
		sources = []string{}
	}
	src, err := json.Marshal(sources)
	if err != nil {
		return fmt.Errorf("records: record answer %s: %w", r.ID, err)
	}
	created := r.Created
	if created.IsZero() {
		created = s.Now()
	}
	grounded := 0
	if r.Grounded {
		grounded = 1
	}
	return s.answers.record(ctx, s.db, &pendingAnswer{id: r.ID, done: make(chan answerResult, 1), args: []any{
		r.ID, r.Session, r.Commune, r.Poster, r.Question, r.Answer, r.Mode, grounded, string(src),
		r.LatencyMS, r.Tokens, created.Unix()}})
}

// Feedback stores a resident's verdict on an answer, replacing an earlier
// one. It returns ErrNotFound for an unknown answer.
func (s *Store) Feedback(ctx context.Context, answerID string, helpful bool, comment string) error {
	comment = strings.TrimSpace(comment)
	if utf8.RuneCountInString(comment) > maxComment {
		return &fault.Error{Message: fmt.Sprintf("Góp ý quá dài, tối đa %d ký tự. (Comment too long: %d characters at most)", maxComment, maxComment)}
	}
	h := 0
	if helpful {
		h = 1
	}
	res, err := s.db.ExecContext(ctx, "UPDATE answers SET helpful = ?, comment = ? WHERE id = ?", h, comment, answerID)
	if err != nil {
		return fmt.Errorf("records: feedback %s: %w", answerID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("records: feedback %s: %w", answerID, err)
	}
	if n == 0 {
		return fmt.Errorf("records: answer %s: %w", answerID, ErrNotFound)
	}
	return nil
}
