package records

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Bounds of an approved answer, in characters.
const (
	maxApprovedQuestion = 500
	maxApprovedAnswer   = 4000
	maxApprovedNotes    = 1000
	maxApprovedWordings = 20
)

// ApprovedAnswer is an answer written by an administrator. The service
// gives it for its question and close paraphrases, before retrieval, and
// cites it as the commune's own answer.
type ApprovedAnswer struct {
	ID       int64
	Commune  string // "" is province-wide
	Question string
	// Wordings are other ways residents ask the same question; each is
	// matched as the question is.
	Wordings []string
	Answer   string
	// Notes are the sources or remarks behind the answer, for the
	// administrators; residents do not see them.
	Notes     string
	CreatedBy string
	Created   time.Time
	Updated   time.Time
}

// Questions returns the question and its other wordings.
func (a ApprovedAnswer) Questions() []string {
	return append([]string{a.Question}, a.Wordings...)
}

func (a *ApprovedAnswer) clean() error {
	a.Question = norm.NFC.String(strings.Join(strings.Fields(a.Question), " "))
	a.Answer = norm.NFC.String(strings.TrimSpace(strings.ReplaceAll(a.Answer, "\r\n", "\n")))
	a.Notes = norm.NFC.String(strings.TrimSpace(strings.ReplaceAll(a.Notes, "\r\n", "\n")))
	var wordings []string
	for _, w := range a.Wordings {
		w = norm.NFC.String(strings.Join(strings.Fields(w), " "))
		if w == "" || w == a.Question || slices.Contains(wordings, w) {
			continue
		}
		if utf8.RuneCountInString(w) > maxApprovedQuestion {
			return inputError("Mỗi cách hỏi tối đa %d ký tự. (Each wording: %d characters at most)", maxApprovedQuestion, maxApprovedQuestion)
		}
		wordings = append(wordings, w)
	}
	if len(wordings) > maxApprovedWordings {
		return inputError("Tối đa %d cách hỏi khác. (%d other wordings at most)", maxApprovedWordings, maxApprovedWordings)
	}
	a.Wordings = wordings
	switch {
	case a.Question == "" || a.Answer == "":
		return inputError("Cần nhập cả câu hỏi và câu trả lời. (Question and answer are both required)")
	case utf8.RuneCountInString(a.Question) > maxApprovedQuestion:
		return inputError("Câu hỏi tối đa %d ký tự. (Question: %d characters at most)", maxApprovedQuestion, maxApprovedQuestion)
	case utf8.RuneCountInString(a.Answer) > maxApprovedAnswer:
		return inputError("Câu trả lời tối đa %d ký tự. (Answer: %d characters at most)", maxApprovedAnswer, maxApprovedAnswer)
	case utf8.RuneCountInString(a.Notes) > maxApprovedNotes:
		return inputError("Ghi chú tối đa %d ký tự. (Notes: %d characters at most)", maxApprovedNotes, maxApprovedNotes)
	}
	return nil
}

// SaveApproved stores a new approved answer (ID 0) or replaces the
// question, answer and notes of an existing one; the commune of an
// existing answer never changes. It returns the answer as stored.
func (s *Store) SaveApproved(ctx context.Context, a ApprovedAnswer) (ApprovedAnswer, error) {
	if err := a.clean(); err != nil {
		return a, err
	}
	now := s.Now()
	if a.ID == 0 {
		a.Created, a.Updated = now, now
		err := s.approvedChange(ctx, func(tx *sql.Tx) error {
			err := tx.QueryRowContext(ctx, `INSERT INTO approved_answers
				(commune, question, wordings, answer, notes, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				RETURNING id`,
				a.Commune, a.Question, strings.Join(a.Wordings, "\n"), a.Answer, a.Notes, a.CreatedBy, now.Unix(), now.Unix()).Scan(&a.ID)
			if err != nil {
				return fmt.Errorf("records: save approved answer: %w", err)
			}
			return nil
		})
		return a, err
	}
	err := s.approvedChange(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE approved_answers SET question = ?, wordings = ?, answer = ?, notes = ?, updated_at = ?
			WHERE id = ?`, a.Question, strings.Join(a.Wordings, "\n"), a.Answer, a.Notes, now.Unix(), a.ID)
		return touchedOne(res, err, fmt.Sprintf("save approved answer %d", a.ID))
	})
	if err != nil {
		return a, err
	}
	return s.Approved(ctx, a.ID)
}

// approvedVersionKey is the records_meta key of a counter bumped by every change
// of the approved answers, so readers can keep them cached.
const approvedVersionKey = "approved_version"

// approvedChange runs change and bumps the approved answers' version in
// one transaction.
func (s *Store) approvedChange(ctx context.Context, change func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("records: approved answers: %w", err)
	}
	defer tx.Rollback()
	if err := change(tx); err != nil {
		return err
	}
	if err := s.bumpVersion(ctx, tx, approvedVersionKey); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("records: approved answers: %w", err)
	}
	s.approved.forget()
	return nil
}

// approvedMemo keeps the approved answers' version between changes, so
// that answering a question does not read it from the database. This
// Store forgets it on its own changes, and on the other replicas' when
// they share a PostgreSQL database (follow.go).
type approvedMemo struct {
	mu      sync.Mutex
	known   bool
	version int64
	changes int64 // changes made, so a read that overlaps one is not kept
}

func (m *approvedMemo) get() (int64, int64, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.version, m.changes, m.known
}

// keep remembers version, read when changes was current.
func (m *approvedMemo) keep(version, changes int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.changes == changes {
		m.version, m.known = version, true
	}
}

func (m *approvedMemo) forget() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.known = false
	m.changes++
}

// ApprovedVersion returns a number that changes whenever an approved
// answer is saved or deleted: a cheap check that cached answers are
// still current.
func (s *Store) ApprovedVersion(ctx context.Context) (int64, error) {
	v, changes, known := s.approved.get()
	if known {
		return v, nil
	}
	err := s.db.QueryRowContext(ctx, `SELECT CAST(value AS INTEGER) FROM records_meta WHERE key = ?`, approvedVersionKey).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		v, err = 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("records: approved answers version: %w", err)
	}
	s.approved.keep(v, changes)
	return v, nil
}

// Approved returns the approved answer id, or ErrNotFound.
func (s *Store) Approved(ctx context.Context, id int64) (ApprovedAnswer, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+approvedColumns+` FROM approved_answers WHERE id = ?`, id)
	a, err := scanApproved(row)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("records: approved answer %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("records: approved answer %d: %w", id, err)
	}
	return a, nil
}

// ApprovedAnswers returns the approved answers that apply in commune: its
// own, then the province-wide ones. An empty commune gives the
// province-wide ones only.
func (s *Store) ApprovedAnswers(ctx context.Context, commune string) ([]ApprovedAnswer, error) {
	return s.approvedWhere(ctx, `commune IN (?, '') ORDER BY commune = '', id`, commune)
}

// AllApproved returns every approved answer, by commune ("" first) and id.
func (s *Store) AllApproved(ctx context.Context) ([]ApprovedAnswer, error) {
	return s.approvedWhere(ctx, `1 = 1 ORDER BY commune, id`)
}

func (s *Store) approvedWhere(ctx context.Context, where string, args ...any) ([]ApprovedAnswer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+approvedColumns+` FROM approved_answers WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("records: approved answers: %w", err)
	}
	defer rows.Close()
	var out []ApprovedAnswer
	for rows.Next() {
		a, err := scanApproved(rows)
		if err != nil {
			return nil, fmt.Errorf("records: approved answers: %w", err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("records: approved answers: %w", err)
	}
	return out, nil
}

// DeleteApproved removes the approved answer id.
func (s *Store) DeleteApproved(ctx context.Context, id int64) error {
	return s.approvedChange(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM approved_answers WHERE id = ?`, id)
		return touchedOne(res, err, fmt.Sprintf("delete approved answer %d", id))
	})
}

const approvedColumns = `id, commune, question, wordings, answer, notes, created_by, created_at, updated_at`

func scanApproved(r interface{ Scan(...any) error }) (ApprovedAnswer, error) {
	var (
		a                ApprovedAnswer
		wordings         string
		created, updated int64
	)
	if err := r.Scan(&a.ID, &a.Commune, &a.Question, &wordings, &a.Answer, &a.Notes, &a.CreatedBy, &created, &updated); err != nil {
		return a, err
	}
	if wordings != "" {
		a.Wordings = strings.Split(wordings, "\n")
	}
	a.Created, a.Updated = time.Unix(created, 0), time.Unix(updated, 0)
	return a, nil
}
