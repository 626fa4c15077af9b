package records

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Answer returns the answer record of id, as RecordAnswer kept it (the
// question masked), for the page that shows one answer again: the share
// link and the chat page after a form without JavaScript. It returns
// ErrNotFound for an id never given or a record purged.
func (s *Store) Answer(ctx context.Context, id string) (AnswerRecord, error) {
	var (
		r        AnswerRecord
		sources  string
		created  int64
		grounded int
	)
	err := s.db.QueryRowContext(ctx, `SELECT id, commune, poster, question, answer, mode, grounded, sources, created_at
		FROM answers WHERE id = ?`, id).Scan(&r.ID, &r.Commune, &r.Poster, &r.Question, &r.Answer, &r.Mode, &grounded, &sources, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return AnswerRecord{}, fmt.Errorf("records: answer %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return AnswerRecord{}, fmt.Errorf("records: answer %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(sources), &r.Sources); err != nil {
		return AnswerRecord{}, fmt.Errorf("records: answer %s: sources: %w", id, err)
	}
	r.Grounded, r.Created = grounded == 1, time.Unix(created, 0)
	return r, nil
}
