package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb"
)

// cmdAdmin runs an administration command on the store, which works while
// the service runs: hoidap admin reset-password USER [--data DIR] [--database-url URL].
func cmdAdmin(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "reset-password" {
		return fmt.Errorf("%w: hoidap admin reset-password USER [--data DIR] [--database-url URL]", errUsage)
	}
	f := newFlagSet("admin reset-password", getenv, stderr)
	var data, databaseURL string
	f.dataFlag(&data)
	f.databaseURLFlag(&databaseURL)
	pos, err := parseInterspersed(f, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: name one user, e.g. hoidap admin reset-password admin", errUsage)
	}
	name := strings.ToLower(strings.TrimSpace(pos[0]))
	// The store only, never made anew: a typo in --data must not create an
	// empty store with no users.
	db := filepath.Join(data, "hoidap.db")
	if databaseURL != "" {
		if !sqldb.IsURL(databaseURL) {
			return fmt.Errorf("%w: --database-url %q: want a postgres:// URL", errUsage, redactURL(databaseURL))
		}
		db = databaseURL
	} else if _, err := os.Stat(db); err != nil {
		return fmt.Errorf("no store at %s (is --data right?): %w", db, err)
	}
	st, err := records.OpenFile(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := st.UserByName(ctx, name)
	if errors.Is(err, records.ErrNotFound) {
		return fmt.Errorf("%w: no user %q in %s", errUsage, name, redactURL(db))
	}
	if err != nil {
		return err
	}
	pw, err := st.ResetPassword(ctx, u.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Mật khẩu dùng một lần của %s (one-time password for %s): %s\n"+
		"Đăng nhập tại /admin/login và đổi mật khẩu ngay; các phiên đăng nhập và token API của tài khoản này đã bị thu hồi.\n"+
		"(Log in at /admin/login and choose a new password; this account's sessions and API tokens were revoked.)\n",
		u.Name, u.Name, pw)
	return nil
}
