package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
	"github.com/hoidap/hoidap/knowledge"
)

const seedPassword = "dong-hoa-2026-kiem-tra"

// mustSeedStore writes the office's records into a SQLite store in data
// through the real stores, as a service running on SQLite does.
func mustSeedStore(t *testing.T, data string) {
	t.Helper()
	ctx := context.Background()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer kb.Close()
	rs, err := records.Open(ctx, kb.DB())
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	admin, err := rs.CreateUser(ctx, records.User{Name: "admin", Role: records.RoleProvince}, seedPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rs.CreateUser(ctx, records.User{Name: "canbo", Role: records.RoleCommune, Commune: "demo"}, seedPassword+"-2"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := rs.CreateSession(ctx, admin.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := rs.CreateToken(ctx, "bot", admin); err != nil {
		t.Fatal(err)
	}
	for i := range 700 { // more than one batch
		r := records.AnswerRecord{ID: fmt.Sprintf("a%04d", i), Commune: "demo", Question: "khai sinh", Mode: "extractive", Grounded: true, Sources: []string{"d1"}}
		if err := rs.RecordAnswer(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := rs.CreateTicket(ctx, records.Ticket{Commune: "demo", Question: "hỏi cán bộ", Phone: "0900000000"}); err != nil {
		t.Fatal(err)
	}
	if _, err := rs.CreatePoster(ctx, "demo", "Cổng UBND", "admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := rs.SaveApproved(ctx, records.ApprovedAnswer{Question: "giờ làm việc", Answer: "Từ 7h30."}); err != nil {
		t.Fatal(err)
	}
	if err := rs.CountScan(ctx, "demo", "p1", time.Now()); err != nil {
		t.Fatal(err)
	}
}

// An existing SQLite deployment moves to PostgreSQL: every records table
// copied with equal counts, sequences past the copied ids, a second run
// copies nothing, and the service on PostgreSQL knows the administrator.
func TestMigrateFromSQLite(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	mustSeedTestCorpus(t, data, "")
	mustSeedStore(t, data)
	url := sqldbtest.Postgres(t)
	migrate := func() (int, string) {
		var out, errOut syncBuffer
		code := run(ctx, []string{"migrate", "--from-sqlite", filepath.Join(data, "hoidap.db"), "--to", url}, envOf(nil), &out, &errOut)
		return code, out.String() + errOut.String()
	}
	code, out := migrate()
	if code != 0 {
		t.Fatalf("migrate: exit %d: %s", code, out)
	}
	for _, want := range []string{"answers     700     700         700", "users       2       2           2", "tickets", "posters", "approved_answers", "api_tokens", "sessions", "scans", "documents"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "schema_versions") {
		t.Errorf("the versions' table was copied:\n%s", out)
	}
	t.Log(out)
	code, out = migrate()
	if code != 0 || !strings.Contains(out, "answers     700     700           0") {
		t.Errorf("second run: exit %d, want 0 and nothing copied:\n%s", code, out)
	}

	rs, err := records.OpenFile(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	if _, err := rs.Login(ctx, "admin", seedPassword); err != nil {
		t.Errorf("the administrator's password in PostgreSQL: %v", err)
	}
	// The identity's sequence is past the copied ids: a new user does not
	// collide with them.
	if _, err := rs.CreateUser(ctx, records.User{Name: "moi", Role: records.RoleProvince}, seedPassword+"-3"); err != nil {
		t.Errorf("a user made after the copy: %v", err)
	}
	s := mustServe(t, map[string]string{"HOIDAP_DATA": t.TempDir(), "HOIDAP_DATABASE_URL": url})
	if code := s.stop(t); code != 0 {
		t.Fatalf("serve exited %d: %s", code, s.Stderr)
	}
	if all := s.Stdout.String() + s.Stderr.String(); strings.Contains(all, "one-time password") {
		t.Errorf("serve on PostgreSQL made a new administrator instead of seeing the copied one:\n%s", all)
	}
}

// Usage errors name what is missing; a PostgreSQL with fewer rows than
// the SQLite store fails the run.
func TestMigrateUsage(t *testing.T) {
	for _, args := range [][]string{
		{"migrate"},
		{"migrate", "--from-sqlite", "/nonexistent/hoidap.db", "--to", "postgres://u@h/db"},
		{"migrate", "--from-sqlite", "x.db", "--to", "mysql://u@h/db"},
	} {
		var out, errOut syncBuffer
		if code := run(context.Background(), args, envOf(nil), &out, &errOut); code != 2 {
			t.Errorf("%v: exit %d, want 2: %s", args, code, &errOut)
		}
	}
}
