package records

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A ticket is a question a resident leaves for the commune office when
// the service cannot answer it: no account, a private link to read the
// reply, an optional name and phone number for the officers.

// Ticket statuses.
const (
	TicketOpen     = "open"
	TicketAnswered = "answered"
)

// Bounds of a ticket, in characters. A ticket's question may become an
// approved answer's question, so it has the same bound; so has the reply.
const (
	maxTicketName  = 100
	maxTicketPhone = 20
	// maxTickets bounds a list of tickets.
	maxTickets = 500
)

// vnPhone is a Vietnamese phone number once spaces, dots and dashes are
// taken out: 0 or +84 (84), then 9 or 10 digits (mobile, landline).
var vnPhone = regexp.MustCompile(`^(?:\+84|84|0)[1-9][0-9]{8,9}$`)

// ticketToken is the form of a private token: 128 random bits in hex.
var ticketToken = regexp.MustCompile(`^[0-9a-f]{32}$`)

// Ticket is one question left for the office, and its reply.
type Ticket struct {
	ID int64
	// Token is the private token of the resident's link: set only by
	// CreateTicket, never stored (its SHA-256 is).
	Token    string
	Commune  string
	Question string // masked by the caller before it is stored
	Name     string
	Phone    string // as given; shown only to the commune's officers
	AnswerID string // the answer the question came from, if any
	Status   string
	Created  time.Time
	Reply    string
	// RepliedBy is the officer who replied.
	RepliedBy string
	Replied   time.Time
	// ApprovedID is the approved answer made of the reply, 0 if none.
	ApprovedID int64
}

// Open says the office has not replied yet.
func (t Ticket) Open() bool { return t.Status != TicketAnswered }

func (t *Ticket) clean() error {
	t.Question = norm.NFC.String(strings.Join(strings.Fields(t.Question), " "))
	t.Name = norm.NFC.String(strings.Join(strings.Fields(t.Name), " "))
	t.Phone = strings.Join(strings.Fields(t.Phone), " ")
	switch {
	case t.Question == "":
		return inputError("Bạn hãy nhập câu hỏi. (Please type the question)")
	case utf8.RuneCountInString(t.Question) > maxApprovedQuestion:
		return inputError("Câu hỏi quá dài, tối đa %d ký tự. (The question is too long: %d characters at most)", maxApprovedQuestion, maxApprovedQuestion)
	case utf8.RuneCountInString(t.Name) > maxTicketName:
		return inputError("Tên quá dài, tối đa %d ký tự. (The name is too long: %d characters at most)", maxTicketName, maxTicketName)
	case t.Phone != "" && (len(t.Phone) > maxTicketPhone || !ValidPhone(t.Phone)):
		return inputError("Số điện thoại chưa đúng: hãy nhập số Việt Nam, ví dụ 0912 345 678, hoặc để trống. (Not a Vietnamese phone number: e.g. 0912 345 678, or leave it empty)")
	case t.Commune == "":
		return fmt.Errorf("records: ticket without a commune: %w", ErrInvalid)
	}
	return nil
}

// ValidPhone says whether s looks like a Vietnamese phone number: digits,
// with 0 or +84 in front, spaces, dots or dashes between groups.
func ValidPhone(s string) bool {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, s)
	return vnPhone.MatchString(s)
}

// ValidTicketToken says whether s has the form of a private token.
func ValidTicketToken(s string) bool { return ticketToken.MatchString(s) }

func tokenHash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// CreateTicket stores a new open ticket and returns it with its ID and
// its private Token, which is not kept: the caller gives it to the
// resident now or never.
func (s *Store) CreateTicket(ctx context.Context, t Ticket) (Ticket, error) {
	if err := t.clean(); err != nil {
		return t, err
	}
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return t, fmt.Errorf("records: ticket token: %w", err)
	}
	t.Token, t.Status, t.Created = hex.EncodeToString(b[:]), TicketOpen, s.Now()
	t.Reply, t.RepliedBy, t.Replied, t.ApprovedID = "", "", time.Time{}, 0
	err := s.db.QueryRowContext(ctx, `INSERT INTO tickets (token_hash, commune, question, name, phone, answer_id, status, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		tokenHash(t.Token), t.Commune, t.Question, t.Name, t.Phone, t.AnswerID, t.Status, t.Created.Unix()).Scan(&t.ID)
	if err != nil {
		return t, fmt.Errorf("records: create ticket: %w", err)
	}
	return t, nil
}

const ticketColumns = `id, commune, question, name, phone, answer_id, status, created_at, reply, replied_by, replied_at, approved_id`

func scanTicket(r interface{ Scan(...any) error }) (Ticket, error) {
	var (
		t                Ticket
		created, replied int64
	)
	if err := r.Scan(&t.ID, &t.Commune, &t.Question, &t.Name, &t.Phone, &t.AnswerID, &t.Status, &created,
		&t.Reply, &t.RepliedBy, &replied, &t.ApprovedID); err != nil {
		return t, err
	}
	t.Created = time.Unix(created, 0)
	if replied != 0 {
		t.Replied = time.Unix(replied, 0)
	}
	return t, nil
}

func (s *Store) ticketWhere(ctx context.Context, what, where string, args ...any) (Ticket, error) {
	t, err := scanTicket(s.db.QueryRowContext(ctx, `SELECT `+ticketColumns+` FROM tickets WHERE `+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return t, fmt.Errorf("records: ticket %s: %w", what, ErrNotFound)
	}
	if err != nil {
		return t, fmt.Errorf("records: ticket %s: %w", what, err)
	}
	return t, nil
}

// Ticket returns ticket id, or ErrNotFound.
func (s *Store) Ticket(ctx context.Context, id int64) (Ticket, error) {
	return s.ticketWhere(ctx, fmt.Sprint(id), `id = ?`, id)
}

// TicketByToken returns the ticket of a private token, or ErrNotFound.
func (s *Store) TicketByToken(ctx context.Context, token string) (Ticket, error) {
	if !ValidTicketToken(token) {
		return Ticket{}, fmt.Errorf("records: ticket by token: %w", ErrNotFound)
	}
	return s.ticketWhere(ctx, "by token", `token_hash = ?`, tokenHash(token))
}

// Tickets lists the tickets of commune ("" for every commune): the open
// ones first, oldest first, as they are to be answered; then the answered
// ones, the latest reply first. At most maxTickets.
func (s *Store) Tickets(ctx context.Context, commune string) ([]Ticket, error) {
	where, args := `1 = 1`, []any{}
	if commune != "" {
		where, args = `commune = ?`, append(args, commune)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+ticketColumns+` FROM tickets WHERE `+where+`
		ORDER BY status = 'answered', CASE WHEN status = 'answered' THEN -replied_at ELSE created_at END, id LIMIT ?`,
		append(args, maxTickets)...)
	if err != nil {
		return nil, fmt.Errorf("records: tickets: %w", err)
	}
	var out []Ticket
	err = scanAll(rows, func() error {
		t, err := scanTicket(rows)
		out = append(out, t)
		return err
	})
	return out, err
}

// ReplyTicket stores the office's reply to ticket id, by the officer
// named by, and marks it answered; a second reply replaces the first.
func (s *Store) ReplyTicket(ctx context.Context, id int64, reply, by string) (Ticket, error) {
	reply = norm.NFC.String(strings.TrimSpace(strings.ReplaceAll(reply, "\r\n", "\n")))
	switch {
	case reply == "":
		return Ticket{}, inputError("Cần nhập câu trả lời. (The reply is required)")
	case utf8.RuneCountInString(reply) > maxApprovedAnswer:
		return Ticket{}, inputError("Câu trả lời tối đa %d ký tự. (Reply: %d characters at most)", maxApprovedAnswer, maxApprovedAnswer)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE tickets SET reply = ?, replied_by = ?, replied_at = ?, status = ? WHERE id = ?`,
		reply, by, s.Now().Unix(), TicketAnswered, id)
	if err := touchedOne(res, err, fmt.Sprintf("reply ticket %d", id)); err != nil {
		return Ticket{}, err
	}
	return s.Ticket(ctx, id)
}

// MarkTicketApproved notes that the approved answer approvedID was made
// of ticket id's reply.
func (s *Store) MarkTicketApproved(ctx context.Context, id, approvedID int64) error {
	res, err := s.db.ExecContext(ctx, `UPDATE tickets SET approved_id = ? WHERE id = ?`, approvedID, id)
	return touchedOne(res, err, fmt.Sprintf("mark ticket %d approved", id))
}

// TicketStats counts the tickets left in a range.
type TicketStats struct {
	Open, Answered int
	// MedianReply is the median time from a ticket to its reply, over the
	// answered ones; 0 when none is.
	MedianReply time.Duration
}

// TicketStats counts the tickets of r's commune ("" for all) left within
// r, and how long the answered ones waited.
func (s *Store) TicketStats(ctx context.Context, r Range) (TicketStats, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT status, replied_at - created_at FROM tickets WHERE `+rangeWhere, r.args()...)
	if err != nil {
		return TicketStats{}, fmt.Errorf("records: ticket stats: %w", err)
	}
	var (
		st    TicketStats
		waits []int64
	)
	err = scanAll(rows, func() error {
		var status string
		var wait int64
		if err := rows.Scan(&status, &wait); err != nil {
			return err
		}
		if status == TicketAnswered {
			st.Answered++
			waits = append(waits, max(wait, 0))
		} else {
			st.Open++
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	if n := len(waits); n > 0 {
		slices.Sort(waits)
		m := waits[n/2]
		if n%2 == 0 {
			m = (waits[n/2-1] + waits[n/2]) / 2
		}
		st.MedianReply = time.Duration(m) * time.Second
	}
	return st, nil
}

// PurgeTickets deletes the tickets left before before, with the names
// and phone numbers they hold, and returns how many.
func (s *Store) PurgeTickets(ctx context.Context, before time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM tickets WHERE created_at < ?`, before.Unix())
	if err != nil {
		return 0, fmt.Errorf("records: purge tickets: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("records: purge tickets: %w", err)
	}
	return int(n), nil
}
