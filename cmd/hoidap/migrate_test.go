package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
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

// uploadedTitle is the title of a file an administrator uploaded to the
// SQLite deployment that TestMigrateFromSQLite moves.
const uploadedTitle = "Lịch tiêm chủng thôn Đông Hòa"

// uploadedText is that file: what a resident can ask about it.
const uploadedText = "# " + uploadedTitle + "\n\nTiêm chủng mở rộng cho trẻ em thôn Đông Hòa vào sáng thứ năm tại trạm y tế xã.\n"

// mustIngestFile uploads a file into the SQLite store of data the way
// "hoidap ingest" does, which keeps its original under data/uploads.
func mustIngestFile(t *testing.T, data, name, text string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut syncBuffer
	if code := run(context.Background(), []string{"ingest", "--data", data, file}, envOf(nil), &out, &errOut); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, &errOut)
	}
}

// mustHideOne hides a document of the SQLite store in data, not the
// uploaded one, from commune's residents, as its officers do.
func mustHideOne(t *testing.T, data, commune string) {
	t.Helper()
	ctx := context.Background()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer kb.Close()
	docs, err := kb.Documents(ctx, knowledge.ListOptions{})
	if err != nil || len(docs) == 0 {
		t.Fatalf("documents: %d, %v", len(docs), err)
	}
	d := docs[0]
	if d.Title == uploadedTitle {
		d = docs[1]
	}
	if err := kb.Hide(ctx, d.ID, commune, "canbo"); err != nil {
		t.Fatal(err)
	}
}

// migrateRow returns the counts migrate printed for table: source,
// target, copied now.
func migrateRow(out, table string) string {
	for line := range strings.Lines(out) {
		if f := strings.Fields(line); len(f) == 4 && f[0] == table {
			return strings.Join(f[1:], " ")
		}
	}
	return ""
}

// An existing SQLite deployment moves to PostgreSQL: every records and
// knowledge table copied with equal counts, the uploaded originals from
// data/uploads into the database, sequences past the copied ids, a
// second run copies nothing, and the service on PostgreSQL knows the
// administrator and answers from the migrated documents.
func TestMigrateFromSQLite(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	mustSeedTestCorpus(t, data, "")
	mustSeedStore(t, data)
	mustIngestFile(t, data, "tiem-chung.md", uploadedText)
	mustHideOne(t, data, "demo")
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
	// The knowledge base's tables: all of each, and the one original.
	src, err := knowledge.OpenStore(ctx, filepath.Join(data, "hoidap.db"))
	if err != nil {
		t.Fatal(err)
	}
	docs, passages, err := src.CountDocuments(ctx)
	last, lerr := src.LastChange(ctx)
	src.Close()
	if err != nil || lerr != nil {
		t.Fatal(err, lerr)
	}
	for table, want := range map[string]string{
		"documents":        fmt.Sprintf("%d %d %d", docs, docs, docs),
		"passages":         fmt.Sprintf("%d %d %d", passages, passages, passages),
		"originals":        "1 1 1",
		"hidden_documents": "1 1 1",
	} {
		if got := migrateRow(out, table); got != want {
			t.Errorf("%s: source, target, copied %q, want %q:\n%s", table, got, want, out)
		}
	}
	for _, table := range []string{"changes", "change_counter", "meta"} {
		if migrateRow(out, table) == "" {
			t.Errorf("%s is not in the copy:\n%s", table, out)
		}
	}
	if migrateRow(out, "index_queue") != "" || !strings.Contains(out, "not copied: index_queue") {
		t.Errorf("the SQLite process's index queue was copied, or not said to be left:\n%s", out)
	}
	t.Log(out)
	code, out = migrate()
	if code != 0 || !strings.Contains(out, "answers     700     700           0") {
		t.Errorf("second run: exit %d, want 0 and nothing copied:\n%s", code, out)
	}
	for _, table := range []string{"documents", "passages", "originals", "changes", "meta"} {
		if got := migrateRow(out, table); !strings.HasSuffix(got, " 0") {
			t.Errorf("second run copied %s: %q", table, got)
		}
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
	// The original is in PostgreSQL, byte for byte, under the path its
	// document refers to.
	var kept []byte
	if err := rs.DB().QueryRowContext(ctx, `SELECT o.data FROM originals o JOIN documents d ON d.original_path = o.path
		WHERE d.title = ?`, uploadedTitle).Scan(&kept); err != nil || string(kept) != uploadedText {
		t.Errorf("the uploaded original in PostgreSQL: %q, %v", kept, err)
	}
	// The change counter is where the copied changes end: a write after
	// the copy takes a number above every one a replica has applied.
	var counter int64
	if err := rs.DB().QueryRowContext(ctx, `SELECT seq FROM change_counter WHERE id = 1`).Scan(&counter); err != nil || counter != last {
		t.Errorf("change counter in PostgreSQL %d (%v), want the SQLite store's %d", counter, err, last)
	}

	// A replica on the migrated database, with an empty --data and
	// nothing seeded by the test, builds its index from it and answers
	// from the uploaded document.
	s := mustServe(t, map[string]string{"HOIDAP_DATA": t.TempDir(), "HOIDAP_DATABASE_URL": url, "HOIDAP_NATIONAL_RECORDS": "false"})
	if titles := searchTitles(t, s.URL, "lịch tiêm chủng thôn đông hòa"); !slices.Contains(titles, uploadedTitle) {
		t.Errorf("search on the migrated database: %q, want %q", titles, uploadedTitle)
	}
	resp, err := http.Post(s.URL+"/api/v1/ask", "application/json", strings.NewReader(`{"question":"tiêm chủng cho trẻ ở thôn Đông Hòa khi nào?","commune":"demo"}`))
	if err != nil {
		t.Fatal(err)
	}
	var answer struct {
		Answer   string
		Grounded bool
		Sources  []struct{ Title string }
	}
	err = json.NewDecoder(resp.Body).Decode(&answer)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || !answer.Grounded || len(answer.Sources) == 0 || answer.Sources[0].Title != uploadedTitle {
		t.Errorf("ask on the migrated database: %d %+v %v", resp.StatusCode, answer, err)
	}
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
