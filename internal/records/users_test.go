package records_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/fault"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

// mustStore opens the store of dsn (see sqldbtest.Each) whose clock the
// test moves.
func mustStore(tb testing.TB, dsn string) (*records.Store, *time.Time) {
	tb.Helper()
	st, err := records.OpenFile(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	st.Now = func() time.Time { return now }
	return st, &now
}

func TestUserCreateAndLogin(t *testing.T) { sqldbtest.Each(t, testUserCreateAndLogin) }

func testUserCreateAndLogin(t *testing.T, dsn string) {
	ctx := context.Background()
	st, _ := mustStore(t, dsn)
	officer, err := st.CreateUser(ctx, records.User{Name: " Can-Bo ", Role: records.RoleCommune, Commune: "demo"}, "mat-khau-dai-1")
	if err != nil {
		t.Fatal(err)
	}
	if officer.Name != "can-bo" || officer.ID == 0 {
		t.Errorf("created %+v", officer)
	}
	for _, tc := range []struct {
		name string
		u    records.User
		pw   string
		msg  string
	}{
		{"taken", records.User{Name: "can-bo", Role: records.RoleProvince}, "mat-khau-dai-1", "đã có"},
		{"short password", records.User{Name: "an", Role: records.RoleProvince}, "ngan", "ít nhất"},
		{"long password", records.User{Name: "an", Role: records.RoleProvince}, strings.Repeat("x", 73), "dài quá"},
		{"bad name", records.User{Name: "An Nguyễn", Role: records.RoleProvince}, "mat-khau-dai-1", "Tên đăng nhập"},
		{"officer without commune", records.User{Name: "binh", Role: records.RoleCommune}, "mat-khau-dai-1", "xã/phường"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := st.CreateUser(ctx, tc.u, tc.pw)
			var ie *fault.Error
			if !errors.As(err, &ie) || !errors.Is(err, records.ErrInvalid) || !strings.Contains(ie.Message, tc.msg) {
				t.Errorf("err = %v, want an InputError saying %q", err, tc.msg)
			}
		})
	}
	if _, err := st.Login(ctx, "CAN-BO", "mat-khau-dai-1"); err != nil {
		t.Errorf("login: %v", err)
	}
	for _, bad := range [][2]string{{"can-bo", "mat-khau-sai-1"}, {"khong-co", "mat-khau-dai-1"}} {
		if _, err := st.Login(ctx, bad[0], bad[1]); !errors.Is(err, records.ErrWrongPassword) {
			t.Errorf("login %v: err = %v, want ErrWrongPassword", bad, err)
		}
	}
	if err := st.SetPassword(ctx, officer.ID, "mat-khau-moi-2", true); err != nil {
		t.Fatal(err)
	}
	u, err := st.Login(ctx, "can-bo", "mat-khau-moi-2")
	if err != nil || !u.MustChange {
		t.Errorf("after reset: %+v, %v; want MustChange", u, err)
	}
}

func TestSessionExpiry(t *testing.T) { sqldbtest.Each(t, testSessionExpiry) }

func testSessionExpiry(t *testing.T, dsn string) {
	ctx := context.Background()
	st, now := mustStore(t, dsn)
	u, err := st.CreateUser(ctx, records.User{Name: "admin", Role: records.RoleProvince}, "mat-khau-dai-1")
	if err != nil {
		t.Fatal(err)
	}
	const idle, maxAge = time.Hour, 3 * time.Hour
	secret, ss, err := st.CreateSession(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Seen every 50 minutes, it lives until the absolute limit.
	for i := 0; i < 3; i++ {
		*now = now.Add(50 * time.Minute)
		got, gu, err := st.Session(ctx, secret, idle, maxAge)
		if err != nil || gu.ID != u.ID || got.CSRF != ss.CSRF {
			t.Fatalf("after %d×50 min: %+v %+v %v", i+1, got, gu, err)
		}
	}
	*now = now.Add(40 * time.Minute) // 3 h 10 min after login
	if _, _, err := st.Session(ctx, secret, idle, maxAge); !errors.Is(err, records.ErrNoSession) {
		t.Errorf("past max age: err = %v", err)
	}
	secret, _, _ = st.CreateSession(ctx, u.ID)
	*now = now.Add(61 * time.Minute)
	if _, _, err := st.Session(ctx, secret, idle, maxAge); !errors.Is(err, records.ErrNoSession) {
		t.Errorf("idle: err = %v", err)
	}
	secret, _, _ = st.CreateSession(ctx, u.ID)
	if err := st.DeleteUser(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.Session(ctx, secret, idle, maxAge); !errors.Is(err, records.ErrNoSession) {
		t.Errorf("deleted user: err = %v", err)
	}
}

func TestTokenLifecycle(t *testing.T) { sqldbtest.Each(t, testTokenLifecycle) }

func testTokenLifecycle(t *testing.T, dsn string) {
	ctx := context.Background()
	st, _ := mustStore(t, dsn)
	u, err := st.CreateUser(ctx, records.User{Name: "xa-demo", Role: records.RoleCommune, Commune: "demo"}, "mat-khau-dai-1")
	if err != nil {
		t.Fatal(err)
	}
	tok, secret, err := st.CreateToken(ctx, "máy quét", u)
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.TokenBySecret(ctx, secret)
	if err != nil || got.ID != tok.ID || got.Commune != "demo" || got.Role != records.RoleCommune || got.Used.IsZero() {
		t.Errorf("by secret: %+v, %v", got, err)
	}
	if _, err := st.TokenBySecret(ctx, secret+"x"); !errors.Is(err, records.ErrNoSession) {
		t.Errorf("bad secret: err = %v", err)
	}
	if list, _ := st.Tokens(ctx, "other"); len(list) != 0 {
		t.Errorf("other commune lists %v", list)
	}
	if err := st.DeleteToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.TokenBySecret(ctx, secret); !errors.Is(err, records.ErrNoSession) {
		t.Errorf("revoked: err = %v", err)
	}
}

func TestSessionLoginThrottle(t *testing.T) { sqldbtest.Each(t, testSessionLoginThrottle) }

func testSessionLoginThrottle(t *testing.T, dsn string) {
	ctx := context.Background()
	st, now := mustStore(t, dsn)
	keys := []string{"ip:203.0.113.9", "user:an"}
	var until time.Time
	for i := 1; i <= 5; i++ {
		var err error
		if until, err = st.LoginFailed(ctx, keys...); err != nil {
			t.Fatal(err)
		}
		if i < 5 && !until.IsZero() {
			t.Fatalf("locked after %d failures", i)
		}
	}
	if want := now.Add(time.Minute); !until.Equal(want) {
		t.Errorf("5th failure locks until %v, want %v", until, want)
	}
	*now = now.Add(2 * time.Minute)
	if u, _ := st.LoginLocked(ctx, "user:an"); !u.IsZero() {
		t.Errorf("still locked after the minute: %v", u)
	}
	until, _ = st.LoginFailed(ctx, keys...)
	if want := now.Add(5 * time.Minute); !until.Equal(want) {
		t.Errorf("6th failure locks until %v, want %v (growing)", until, want)
	}
	if u, _ := st.LoginLocked(ctx, "user:an"); !u.Equal(until) {
		t.Errorf("locked = %v, want %v", u, until)
	}
	if err := st.LoginSucceeded(ctx, keys...); err != nil {
		t.Fatal(err)
	}
	if u, _ := st.LoginLocked(ctx, keys...); !u.IsZero() {
		t.Errorf("success did not reset: %v", u)
	}
}

// BenchmarkSession measures the lookup every admin request makes.
func BenchmarkSession(b *testing.B) {
	ctx := context.Background()
	st, _ := mustStore(b, "")
	u, err := st.CreateUser(ctx, records.User{Name: "admin", Role: records.RoleProvince}, "mat-khau-dai-1")
	if err != nil {
		b.Fatal(err)
	}
	secret, _, err := st.CreateSession(ctx, u.ID)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := st.Session(ctx, secret, time.Hour, 24*time.Hour); err != nil {
			b.Fatal(err)
		}
	}
}

// Passwords an attacker tries first are refused, however long: repeated
// or sequential characters, common words with digits, the Vietnamese word
// for password, the user's own name.
func TestWeakPasswordsRefused(t *testing.T) {
	for _, pw := range []string{"aaaaaaaaaa", "1234567890", "password123", "matkhau123", "mậtkhẩu2026", "qwertyuiop", "xa-thuan-my-1"} {
		if err := records.CheckPassword(pw, "xa-thuan-my"); !errors.Is(err, records.ErrInvalid) {
			t.Errorf("%q accepted", pw)
		}
	}
	for _, pw := range []string{"mat-khau-quan-tri", "gio lam viec sang thu bay", "Tr0ub4dor&3x-7"} {
		if err := records.CheckPassword(pw, "xa-thuan-my"); err != nil {
			t.Errorf("%q refused: %v", pw, err)
		}
	}
}

// A password made of the user's own name or commune is refused, when the
// user is created and when the password is changed.
func TestPasswordOfOwnNameRefused(t *testing.T) { sqldbtest.Each(t, testPasswordOfOwnNameRefused) }

func testPasswordOfOwnNameRefused(t *testing.T, dsn string) {
	ctx := context.Background()
	st, _ := mustStore(t, dsn)
	u, err := st.CreateUser(ctx, records.User{Name: "hungdao.a", Role: records.RoleCommune, Commune: "hung-dao-hai-phong"}, "mot cau mat khau rat dai")
	if err != nil {
		t.Fatal(err)
	}
	for _, pw := range []string{"hungdao.a1", "Haiphong@2026", "hungdaohaiphong", "hungdao2026!"} {
		if err := st.SetPassword(ctx, u.ID, pw, false); !errors.Is(err, records.ErrInvalid) {
			t.Errorf("%q accepted for hungdao.a of hung-dao-hai-phong", pw)
		}
		if _, err := st.CreateUser(ctx, records.User{Name: "hungdao.b", Role: records.RoleCommune, Commune: "hung-dao-hai-phong"}, pw); !errors.Is(err, records.ErrInvalid) {
			t.Errorf("%q accepted for a new officer of hung-dao-hai-phong", pw)
		}
	}
}
