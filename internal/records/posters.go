package records

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxPosterName bounds a poster's name, in characters.
const maxPosterName = 100

// posterAlphabet makes poster ids that read aloud and type easily: no
// 0/o or 1/l.
const posterAlphabet = "abcdefghijkmnpqrstuvwxyz23456789"

// Poster is a named QR poster of a commune ("bảng tin UBND", "nhà văn
// hóa thôn 3"); its id goes in the QR code as ?p= and counts its scans.
type Poster struct {
	ID        string
	Commune   string
	Name      string
	Created   time.Time
	CreatedBy string
}

func posterName(name string) (string, error) {
	name = norm.NFC.String(strings.Join(strings.Fields(name), " "))
	if name == "" {
		return "", inputError("Cần đặt tên áp phích, ví dụ «bảng tin UBND». (Name the poster)")
	}
	if utf8.RuneCountInString(name) > maxPosterName {
		return "", inputError("Tên áp phích tối đa %d ký tự. (Poster name: %d characters at most)", maxPosterName, maxPosterName)
	}
	return name, nil
}

// newPosterID returns 8 random characters of posterAlphabet.
func newPosterID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	for i := range b {
		b[i] = posterAlphabet[int(b[i])%len(posterAlphabet)]
	}
	return string(b[:])
}

// CreatePoster stores a new named poster of commune with a fresh id.
func (s *Store) CreatePoster(ctx context.Context, commune, name, by string) (Poster, error) {
	name, err := posterName(name)
	if err != nil {
		return Poster{}, err
	}
	if commune == "" {
		return Poster{}, inputError("Chưa chọn xã. (No commune)")
	}
	p := Poster{ID: newPosterID(), Commune: commune, Name: name, Created: s.Now(), CreatedBy: by}
	_, err = s.db.ExecContext(ctx, `INSERT INTO posters(id, commune, name, created_at, created_by) VALUES (?, ?, ?, ?, ?)`,
		p.ID, p.Commune, p.Name, p.Created.Unix(), p.CreatedBy)
	if err != nil {
		return Poster{}, fmt.Errorf("records: create poster for %s: %w", commune, err)
	}
	return p, nil
}

// Posters returns the posters of a commune, oldest first.
func (s *Store) Posters(ctx context.Context, commune string) ([]Poster, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, commune, name, created_at, created_by FROM posters
		WHERE commune = ? ORDER BY created_at, id`, commune)
	if err != nil {
		return nil, fmt.Errorf("records: posters of %s: %w", commune, err)
	}
	defer rows.Close()
	var out []Poster
	for rows.Next() {
		p, err := scanPoster(rows)
		if err != nil {
			return nil, fmt.Errorf("records: posters of %s: %w", commune, err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("records: posters of %s: %w", commune, err)
	}
	return out, nil
}

// Poster returns the poster id of commune, or ErrNotFound: a poster of
// another commune is not found either.
func (s *Store) Poster(ctx context.Context, commune, id string) (Poster, error) {
	row := s.db.QueryRowContext(ctx, `SELECT id, commune, name, created_at, created_by FROM posters
		WHERE commune = ? AND id = ?`, commune, id)
	p, err := scanPoster(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Poster{}, fmt.Errorf("records: poster %s/%s: %w", commune, id, ErrNotFound)
	}
	if err != nil {
		return Poster{}, fmt.Errorf("records: poster %s/%s: %w", commune, id, err)
	}
	return p, nil
}

// RenamePoster changes the name of the poster id of commune.
func (s *Store) RenamePoster(ctx context.Context, commune, id, name string) error {
	name, err := posterName(name)
	if err != nil {
		return err
	}
	res, err := s.db.ExecContext(ctx, `UPDATE posters SET name = ? WHERE commune = ? AND id = ?`, name, commune, id)
	return touchedOne(res, err, "rename poster "+commune+"/"+id)
}

// DeletePoster removes the poster id of commune. Its scans stay counted.
func (s *Store) DeletePoster(ctx context.Context, commune, id string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM posters WHERE commune = ? AND id = ?`, commune, id)
	return touchedOne(res, err, "delete poster "+commune+"/"+id)
}

func scanPoster(r interface{ Scan(...any) error }) (Poster, error) {
	var (
		p       Poster
		created int64
	)
	if err := r.Scan(&p.ID, &p.Commune, &p.Name, &created, &p.CreatedBy); err != nil {
		return p, err
	}
	p.Created = time.Unix(created, 0)
	return p, nil
}

// touchedOne turns the result of a statement that must touch one row into an
// error: ErrNotFound when it touched none.
func touchedOne(res sql.Result, err error, what string) error {
	if err != nil {
		return fmt.Errorf("records: %s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("records: %s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("records: %s: %w", what, ErrNotFound)
	}
	return nil
}
