package sqldb

import "testing"

func TestRebind(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = $1 AND c = $2"},
		{"SELECT '?', \"?\" FROM t WHERE b = ?", "SELECT '?', \"?\" FROM t WHERE b = $1"},
		{"SELECT 'it''s ?' WHERE x = ?", "SELECT 'it''s ?' WHERE x = $1"},
		{"-- who's asking?\nSELECT ? -- why?\n, ?", "-- who's asking?\nSELECT $1 -- why?\n, $2"},
		{"VALUES (?, ?), (?, ?)", "VALUES ($1, $2), ($3, $4)"},
		{"SELECT 'open", "SELECT 'open"},
	} {
		if got := Rebind(tc.in); got != tc.want {
			t.Errorf("Rebind(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
