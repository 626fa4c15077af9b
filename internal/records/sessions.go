package records

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// CreateSession starts a session for a user and returns its secret (for
// the cookie; only its SHA-256 is stored) and the session.
func (s *Store) CreateSession(ctx context.Context, userID int64) (string, Session, error) {
	secret, err := NewSecret()
	if err != nil {
		return "", Session{}, err
	}
	csrf, err := NewSecret()
	if err != nil {
		return "", Session{}, err
	}
	now := s.Now().Truncate(time.Second)
	_, err = s.db.ExecContext(ctx, "INSERT INTO sessions(token_hash, user_id, csrf, created_at, seen_at) VALUES (?, ?, ?, ?, ?)",
		hashSecret(secret), userID, csrf, now.Unix(), now.Unix())
	if err != nil {
		return "", Session{}, fmt.Errorf("records: create session: %w", err)
	}
	return secret, Session{CSRF: csrf, Created: now, Seen: now}, nil
}

// Session returns the session with secret and its user, or ErrNoSession
// when there is none or it was unused for idle or began more than maxAge
// ago (it is then deleted). It marks the session as seen.
func (s *Store) Session(ctx context.Context, secret string, idle, maxAge time.Duration) (Session, User, error) {
	if secret == "" {
		return Session{}, User{}, ErrNoSession
	}
	h := hashSecret(secret)
	var ss Session
	var created, seen int64
	u, err := scanUser(s.db.QueryRowContext(ctx, "SELECT u.id, u.name, u.role, u.commune, u.must_change, u.created_at, "+
		"s.csrf, s.created_at, s.seen_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?", h),
		&ss.CSRF, &created, &seen)
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, User{}, ErrNoSession
	}
	if err != nil {
		return Session{}, User{}, fmt.Errorf("records: session: %w", err)
	}
	now := s.Now()
	ss.Created, ss.Seen = time.Unix(created, 0), time.Unix(seen, 0)
	if now.Sub(ss.Seen) > idle || now.Sub(ss.Created) > maxAge {
		if _, err := s.db.ExecContext(ctx, "DELETE FROM sessions WHERE token_hash = ?", h); err != nil {
			return Session{}, User{}, fmt.Errorf("records: expire session: %w", err)
		}
		return Session{}, User{}, ErrNoSession
	}
	if now.Sub(ss.Seen) > time.Minute { // one write a minute is enough for the idle limit
		if _, err := s.db.ExecContext(ctx, "UPDATE sessions SET seen_at = ? WHERE token_hash = ?", now.Unix(), h); err != nil {
			return Session{}, User{}, fmt.Errorf("records: touch session: %w", err)
		}
		ss.Seen = now.Truncate(time.Second)
	}
	return ss, u, nil
}

// DeleteSession ends the session with secret; an unknown one is no error.
func (s *Store) DeleteSession(ctx context.Context, secret string) error {
	if _, err := s.db.ExecContext(ctx, "DELETE FROM sessions WHERE token_hash = ?", hashSecret(secret)); err != nil {
		return fmt.Errorf("records: delete session: %w", err)
	}
	return nil
}

// DeleteSessions ends every session of a user except the one with secret
// keep ("" ends them all): after a password change or reset.
func (s *Store) DeleteSessions(ctx context.Context, userID int64, keep string) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", userID, hashSecret(keep))
	if err != nil {
		return fmt.Errorf("records: delete sessions of %d: %w", userID, err)
	}
	return nil
}

// apiTokenPrefix starts every API token, so that a leaked one is easy to
// recognise in a repository or a log.
const apiTokenPrefix = "hdp_"

// CreateToken makes an API token named name with the role and commune of
// creator and returns it with its secret, which is shown once and stored
// only as a SHA-256.
func (s *Store) CreateToken(ctx context.Context, name string, creator User) (APIToken, string, error) {
	name = strings.TrimSpace(name)
	if name == "" || len([]rune(name)) > 80 {
		return APIToken{}, "", inputError("Tên token cần 1–80 ký tự. (Token name: 1 to 80 characters)")
	}
	secret, err := NewSecret()
	if err != nil {
		return APIToken{}, "", err
	}
	secret = apiTokenPrefix + secret
	t := APIToken{Name: name, UserID: creator.ID, Creator: creator.Name, Role: creator.Role, Commune: creator.Commune,
		Created: s.Now().Truncate(time.Second)}
	err = s.db.QueryRowContext(ctx, "INSERT INTO api_tokens(token_hash, name, user_id, role, commune, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
		hashSecret(secret), t.Name, t.UserID, t.Role, t.Commune, t.Created.Unix()).Scan(&t.ID)
	if err != nil {
		return APIToken{}, "", fmt.Errorf("records: create token: %w", err)
	}
	return t, secret, nil
}

const tokenColumns = "t.id, t.name, t.user_id, u.name, t.role, t.commune, t.created_at, t.used_at"

func scanToken(sc interface{ Scan(...any) error }) (APIToken, error) {
	var t APIToken
	var created, used int64
	err := sc.Scan(&t.ID, &t.Name, &t.UserID, &t.Creator, &t.Role, &t.Commune, &created, &used)
	t.Created = time.Unix(created, 0)
	if used > 0 {
		t.Used = time.Unix(used, 0)
	}
	return t, err
}

// Tokens lists the API tokens, newest first; commune "" lists all, else
// only the tokens of that commune.
func (s *Store) Tokens(ctx context.Context, commune string) ([]APIToken, error) {
	q := "SELECT " + tokenColumns + " FROM api_tokens t JOIN users u ON u.id = t.user_id"
	var args []any
	if commune != "" {
		q += " WHERE t.commune = ?"
		args = append(args, commune)
	}
	rows, err := s.db.QueryContext(ctx, q+" ORDER BY t.created_at DESC, t.id DESC", args...)
	if err != nil {
		return nil, fmt.Errorf("records: tokens: %w", err)
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("records: tokens: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Token returns the API token with id, or ErrNotFound.
func (s *Store) Token(ctx context.Context, id int64) (APIToken, error) {
	t, err := scanToken(s.db.QueryRowContext(ctx, "SELECT "+tokenColumns+" FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return APIToken{}, fmt.Errorf("records: token %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return APIToken{}, fmt.Errorf("records: token %d: %w", id, err)
	}
	return t, nil
}

// TokenBySecret returns the API token with secret and marks it used, or
// ErrNoSession.
func (s *Store) TokenBySecret(ctx context.Context, secret string) (APIToken, error) {
	if !strings.HasPrefix(secret, apiTokenPrefix) {
		return APIToken{}, ErrNoSession
	}
	h := hashSecret(secret)
	t, err := scanToken(s.db.QueryRowContext(ctx, "SELECT "+tokenColumns+" FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?", h))
	if errors.Is(err, sql.ErrNoRows) {
		return APIToken{}, ErrNoSession
	}
	if err != nil {
		return APIToken{}, fmt.Errorf("records: token: %w", err)
	}
	t.Used = s.Now().Truncate(time.Second)
	if _, err := s.db.ExecContext(ctx, "UPDATE api_tokens SET used_at = ? WHERE id = ?", t.Used.Unix(), t.ID); err != nil {
		return APIToken{}, fmt.Errorf("records: token used: %w", err)
	}
	return t, nil
}

// DeleteToken revokes an API token.
func (s *Store) DeleteToken(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, "DELETE FROM api_tokens WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("records: delete token %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("records: delete token %d: %w", id, ErrNotFound)
	}
	return nil
}

// DeleteUserTokens revokes every API token a user created: a password
// reset for a user who lost theirs, or left, ends what they could do.
func (s *Store) DeleteUserTokens(ctx context.Context, userID int64) error {
	if _, err := s.db.ExecContext(ctx, "DELETE FROM api_tokens WHERE user_id = ?", userID); err != nil {
		return fmt.Errorf("records: delete tokens of %d: %w", userID, err)
	}
	return nil
}

// loginLock is how long a key is locked after loginFreeFailures+step
// failures: 1, 5, 15 minutes, then an hour each time.
func loginLock(step int) time.Duration {
	switch step {
	case 0:
		return time.Minute
	case 1:
		return 5 * time.Minute
	case 2:
		return 15 * time.Minute
	}
	return time.Hour
}

// Failures older than loginForget are forgotten.
const (
	loginFreeFailures = 5
	loginForget       = 24 * time.Hour
)

// LoginLocked returns until when the most locked of keys is locked (the
// zero time when none is). Keys are e.g. "ip:203.0.113.9" and "user:an".
func (s *Store) LoginLocked(ctx context.Context, keys ...string) (time.Time, error) {
	var until time.Time
	for _, k := range keys {
		var t int64
		err := s.db.QueryRowContext(ctx, "SELECT locked_until FROM login_failures WHERE key = ?", k).Scan(&t)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return time.Time{}, fmt.Errorf("records: login lock: %w", err)
		}
		if u := time.Unix(t, 0); u.After(s.Now()) && u.After(until) {
			until = u
		}
	}
	return until, nil
}

// LoginFailed counts a failed login against keys and returns until when
// the most locked of them is now locked (zero when none is).
func (s *Store) LoginFailed(ctx context.Context, keys ...string) (time.Time, error) {
	now := s.Now()
	var until time.Time
	for _, k := range keys {
		var failures int
		var updated int64
		err := s.db.QueryRowContext(ctx, "SELECT failures, updated_at FROM login_failures WHERE key = ?", k).Scan(&failures, &updated)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return time.Time{}, fmt.Errorf("records: login failed: %w", err)
		}
		if now.Sub(time.Unix(updated, 0)) > loginForget {
			failures = 0
		}
		failures++
		var locked time.Time
		if step := failures - loginFreeFailures; step >= 0 {
			locked = now.Add(loginLock(step)).Truncate(time.Second)
			if locked.After(until) {
				until = locked
			}
		}
		_, err = s.db.ExecContext(ctx, `INSERT INTO login_failures(key, failures, locked_until, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT(key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, updated_at = excluded.updated_at`,
			k, failures, unixOrZero(locked), now.Unix())
		if err != nil {
			return time.Time{}, fmt.Errorf("records: login failed: %w", err)
		}
	}
	return until, nil
}

func unixOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// knownFor is how long a successful login makes its address known for the
// account.
const knownFor = 90 * 24 * time.Hour

// RememberLogin makes addr a known address of the account name: failures
// of strangers elsewhere do not lock the account there.
func (s *Store) RememberLogin(ctx context.Context, name, addr string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO login_failures(key, failures, locked_until, updated_at) VALUES (?, 0, 0, ?)
		ON CONFLICT(key) DO UPDATE SET updated_at = excluded.updated_at`, knownKey(name, addr), s.Now().Unix())
	if err != nil {
		return fmt.Errorf("records: remember login: %w", err)
	}
	return nil
}

// KnownLogin reports whether the account name logged in from addr in the
// last 90 days.
func (s *Store) KnownLogin(ctx context.Context, name, addr string) (bool, error) {
	var updated int64
	err := s.db.QueryRowContext(ctx, "SELECT updated_at FROM login_failures WHERE key = ?", knownKey(name, addr)).Scan(&updated)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("records: known login: %w", err)
	}
	return s.Now().Sub(time.Unix(updated, 0)) < knownFor, nil
}

func knownKey(name, addr string) string {
	return "known:" + strconv.Itoa(len(name)) + ":" + name + "@" + addr
}

// LoginSucceeded forgets the failures of keys.
func (s *Store) LoginSucceeded(ctx context.Context, keys ...string) error {
	for _, k := range keys {
		if _, err := s.db.ExecContext(ctx, "DELETE FROM login_failures WHERE key = ?", k); err != nil {
			return fmt.Errorf("records: login succeeded: %w", err)
		}
	}
	return nil
}
