package records

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hoidap/hoidap/internal/fault"
	"golang.org/x/crypto/bcrypt"
)

// Roles of administrators.
const (
	// RoleProvince is a province administrator: every commune and the
	// province-wide documents, users and tokens.
	RoleProvince = "province"
	// RoleCommune is a commune officer: their own commune only.
	RoleCommune = "commune"
)

// ErrWrongPassword means a login with an unknown name or a wrong password;
// the two are not told apart.
var ErrWrongPassword = errors.New("wrong name or password")

// ErrNoSession means a session or API token that does not exist or has
// expired.
var ErrNoSession = errors.New("no such session")

func inputError(format string, args ...any) error { return fault.Invalid(format, args...) }

// MinPassword is the shortest password accepted, in characters; bcrypt
// reads at most 72 bytes, so longer ones are refused rather than cut.
const (
	MinPassword = 10
	maxPassword = 72
)

// User is an administrator: a province administrator or a commune officer.
type User struct {
	ID      int64
	Name    string
	Role    string // RoleProvince or RoleCommune
	Commune string // the officer's commune slug; "" for RoleProvince
	Created time.Time
	// MustChange is set for a one-time or reset password: the user must
	// choose a new one before anything else.
	MustChange bool
}

// Province reports whether u is a province administrator.
func (u User) Province() bool { return u.Role == RoleProvince }

// Session is a logged-in browser.
type Session struct {
	CSRF    string // the token every form of the session carries
	Created time.Time
	Seen    time.Time
}

// APIToken is a bearer token for the admin API, with the role and commune
// of the user who created it.
type APIToken struct {
	ID      int64
	Name    string
	UserID  int64
	Creator string // the creator's name
	Role    string
	Commune string
	Created time.Time
	Used    time.Time // zero if never used
}

// NewSecret returns a random URL-safe secret of 32 bytes.
func NewSecret() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("records: random: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// hashSecret is what the store keeps of a session or API token.
func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// validUserName accepts 2 to 40 lower-case ASCII letters, digits, ".", "_"
// and "-".
func validUserName(name string) bool {
	if len(name) < 2 || len(name) > 40 {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("._-", r)) {
			return false
		}
	}
	return true
}

// CreateUser adds a user with a bcrypt hash of password. The name must be
// new; an officer needs a commune, a province administrator has none.
func (s *Store) CreateUser(ctx context.Context, u User, password string) (User, error) {
	u.Name = strings.ToLower(strings.TrimSpace(u.Name))
	switch {
	case !validUserName(u.Name):
		return User{}, inputError("Tên đăng nhập gồm 2–40 chữ thường không dấu, số, dấu . _ -. (Invalid user name)")
	case u.Role == RoleProvince:
		u.Commune = ""
	case u.Role == RoleCommune && u.Commune == "":
		return User{}, inputError("Cán bộ xã cần có xã/phường. (Officer needs a commune)")
	case u.Role != RoleCommune:
		return User{}, fmt.Errorf("records: role %q: %w", u.Role, ErrInvalid)
	}
	if err := CheckPassword(password, userWords(u.Name, u.Commune)...); err != nil {
		return User{}, err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return User{}, fmt.Errorf("records: hash password: %w", err)
	}
	u.Created = s.Now().Truncate(time.Second)
	err = s.db.QueryRowContext(ctx,
		"INSERT INTO users(name, role, commune, password_hash, must_change, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO NOTHING RETURNING id",
		u.Name, u.Role, u.Commune, string(hash), intFlag(u.MustChange), u.Created.Unix()).Scan(&u.ID)
	if errors.Is(err, sql.ErrNoRows) { // nothing inserted: the name is taken
		return User{}, inputError("Tên đăng nhập %q đã có. (User name taken)", u.Name)
	}
	if err != nil {
		return User{}, fmt.Errorf("records: create user %s: %w", u.Name, err)
	}
	return u, nil
}

const userColumns = "id, name, role, commune, must_change, created_at"

func scanUser(sc interface{ Scan(...any) error }, extra ...any) (User, error) {
	var u User
	var created int64
	err := sc.Scan(append([]any{&u.ID, &u.Name, &u.Role, &u.Commune, &u.MustChange, &created}, extra...)...)
	u.Created = time.Unix(created, 0)
	return u, err
}

// Users lists every user, province administrators first, then by name.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+userColumns+" FROM users ORDER BY role = 'commune', commune, name")
	if err != nil {
		return nil, fmt.Errorf("records: users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("records: users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// User returns the user with id, or ErrNotFound.
func (s *Store) User(ctx context.Context, id int64) (User, error) {
	u, err := scanUser(s.db.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("records: user %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("records: user %d: %w", id, err)
	}
	return u, nil
}

// CountUsers returns how many users there are.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM users").Scan(&n); err != nil {
		return 0, fmt.Errorf("records: count users: %w", err)
	}
	return n, nil
}

// Login returns the user named name if password is theirs, else
// ErrWrongPassword, taking as long either way.
func (s *Store) Login(ctx context.Context, name, password string) (User, error) {
	var hash string
	u, err := scanUser(s.db.QueryRowContext(ctx,
		"SELECT "+userColumns+", password_hash FROM users WHERE name = ?", strings.ToLower(strings.TrimSpace(name))), &hash)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_ = bcrypt.CompareHashAndPassword([]byte(dummyHash), []byte(password))
		return User{}, ErrWrongPassword
	case err != nil:
		return User{}, fmt.Errorf("records: login: %w", err)
	}
	if bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) != nil {
		return User{}, ErrWrongPassword
	}
	return u, nil
}

// SetPassword replaces a user's password. mustChange makes them choose
// another at their next request (a reset by an administrator).
func (s *Store) SetPassword(ctx context.Context, id int64, password string, mustChange bool) error {
	var name, commune string
	err := s.db.QueryRowContext(ctx, "SELECT name, commune FROM users WHERE id = ?", id).Scan(&name, &commune)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("records: set password: %w", err)
	}
	if err := CheckPassword(password, userWords(name, commune)...); err != nil {
		return err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return fmt.Errorf("records: hash password: %w", err)
	}
	res, err := s.db.ExecContext(ctx, "UPDATE users SET password_hash = ?, must_change = ? WHERE id = ?", string(hash), intFlag(mustChange), id)
	if err != nil {
		return fmt.Errorf("records: set password %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("records: set password %d: %w", id, ErrNotFound)
	}
	return nil
}

// ResetPassword gives a user a one-time password that they must change
// at their next login, and ends their sessions and revokes their API
// tokens: what they could do with the old password ends with it. The
// admin page and "hoidap admin reset-password" both reset so.
func (s *Store) ResetPassword(ctx context.Context, id int64) (string, error) {
	pw, err := OneTimePassword()
	if err != nil {
		return "", err
	}
	if err := s.SetPassword(ctx, id, pw, true); err != nil {
		return "", err
	}
	if err := s.DeleteSessions(ctx, id, ""); err != nil {
		return "", err
	}
	if err := s.DeleteUserTokens(ctx, id); err != nil {
		return "", err
	}
	return pw, nil
}

// UserByName returns the user of that login name (lower case).
func (s *Store) UserByName(ctx context.Context, name string) (User, error) {
	users, err := s.Users(ctx)
	if err != nil {
		return User{}, err
	}
	for _, u := range users {
		if u.Name == name {
			return u, nil
		}
	}
	return User{}, fmt.Errorf("records: user %q: %w", name, ErrNotFound)
}

// DeleteUser removes a user with their sessions and API tokens.
func (s *Store) DeleteUser(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, "DELETE FROM users WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("records: delete user %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("records: delete user %d: %w", id, ErrNotFound)
	}
	return nil
}
