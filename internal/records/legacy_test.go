package records_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqlite"
	"github.com/hoidap/hoidap/knowledge"
)

// legacyScripts are the scripts the knowledge base ran, by their number
// in its user_version, before the records had migrations of their own:
// the same files, split since between the two packages.
var legacyScripts = []struct {
	n     int
	files []string
}{
	{1, []string{"../../knowledge/migrations/sqlite/0001_init.sql", "migrations/sqlite/0001_answers.sql"}},
	{2, []string{"migrations/sqlite/0002_scans.sql"}},
	{3, []string{"migrations/sqlite/0003_accounts.sql"}},
	{4, []string{"migrations/sqlite/0004_admin_content.sql"}},
	{5, []string{"../../knowledge/migrations/sqlite/0005_hidden.sql"}},
	{6, []string{"migrations/sqlite/0006_approved_wordings.sql"}},
	{7, []string{"migrations/sqlite/0007_idempotency.sql"}},
}

// makeLegacyDir writes a data directory the way the service made it while
// the knowledge base ran the records' scripts too: legacyScripts applied
// up to upTo under user_version, with a row in each table they made.
func makeLegacyDir(tb testing.TB, upTo int) string {
	tb.Helper()
	ctx := context.Background()
	dir := tb.TempDir()
	db, err := sqlite.Open(filepath.Join(dir, "hoidap.db"))
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	for _, script := range legacyScripts {
		if script.n > upTo {
			break
		}
		for _, name := range script.files {
			text, err := os.ReadFile(name)
			if err != nil {
				tb.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, string(text)); err != nil {
				tb.Fatal(name, err)
			}
		}
		if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", script.n)); err != nil {
			tb.Fatal(err)
		}
	}
	rows := []string{
		`INSERT INTO documents(id, kind, title, body, created_at, updated_at) VALUES ('old-doc', 'article', 'Giờ làm việc', 'Sáng thứ bảy', 1, 1)`,
		`INSERT INTO passages(id, doc_id, ordinal, section, heading, text) VALUES ('old-doc#0', 'old-doc', 0, 'body', 'Giờ làm việc', 'Sáng thứ bảy')`,
		`INSERT INTO answers(id, commune, question, mode, grounded, created_at) VALUES ('old-answer', 'demo', 'giờ làm việc', 'extractive', 1, 1800000000)`,
		`INSERT INTO scans(commune, poster, day, count) VALUES ('demo', 'p1', '2026-11-27', 3)`,
		`INSERT INTO users(id, name, role, password_hash, created_at) VALUES (1, 'admin', 'province', 'x', 1)`,
		`INSERT INTO meta(key, value) VALUES ('approved_version', '4')`,
	}
	if upTo >= 4 {
		rows = append(rows,
			`INSERT INTO communes(slug, name, address, updated_at) VALUES ('demo', 'Xã Mẫu', 'Số 1 đường Chính', 1)`,
			`INSERT INTO posters(id, commune, name, created_at) VALUES ('p1', 'demo', 'bảng tin', 1)`,
			`INSERT INTO approved_answers(commune, question, answer, created_at, updated_at) VALUES ('demo', 'Mấy giờ mở cửa?', 'Bảy giờ sáng.', 1, 1)`)
	}
	for _, q := range rows {
		if _, err := db.ExecContext(ctx, q); err != nil {
			tb.Fatal(q, err)
		}
	}
	return dir
}

// openData opens a data directory as the service does: the knowledge
// base, then the records on its database.
func openData(tb testing.TB, dir string) (*knowledge.Base, *records.Store) {
	tb.Helper()
	ctx := context.Background()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: dir})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { kb.Close() })
	rs, err := records.Open(ctx, kb.DB())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { rs.Close() })
	return kb, rs
}

func TestOpenLegacyDataDirectory(t *testing.T) {
	ctx := context.Background()
	dir := makeLegacyDir(t, 7)
	for round := range 2 { // the second open finds everything done
		kb, rs := openData(t, dir)
		if _, err := kb.Document(ctx, "old-doc"); err != nil {
			t.Fatalf("round %d: the old document: %v", round, err)
		}
		if _, err := rs.UserByName(ctx, "admin"); err != nil {
			t.Fatalf("round %d: the old administrator: %v", round, err)
		}
		if d, ok, err := rs.CommuneDetails(ctx, "demo"); err != nil || !ok || d.Address != "Số 1 đường Chính" {
			t.Fatalf("round %d: the old commune details: %+v, %v, %v", round, d, ok, err)
		}
		if p, err := rs.Poster(ctx, "demo", "p1"); err != nil || p.Name != "bảng tin" {
			t.Fatalf("round %d: the old poster: %+v, %v", round, p, err)
		}
		scans, err := rs.Scans(ctx, "demo", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
		if err != nil || len(scans) != 1 || scans[0].Count != 3+round {
			t.Fatalf("round %d: the old scans: %+v, %v", round, scans, err)
		}
		if err := rs.CountScan(ctx, "demo", "p1", time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		list, err := rs.ApprovedAnswers(ctx, "demo")
		if err != nil || len(list) != 1+round {
			t.Fatalf("round %d: approved answers: %d, %v", round, len(list), err)
		}
		if round == 0 {
			if err := rs.Feedback(ctx, "old-answer", true, "rõ"); err != nil {
				t.Fatalf("feedback on the old answer: %v", err)
			}
			if _, err := rs.SaveApproved(ctx, records.ApprovedAnswer{Commune: "demo", Question: "Có làm thứ bảy không?", Answer: "Có, buổi sáng."}); err != nil {
				t.Fatalf("a new approved answer: %v", err)
			}
		}
		kb.Close()
		rs.Close()
	}
}

func TestOpenHalfMigratedDataDirectory(t *testing.T) {
	ctx := context.Background()
	dir := makeLegacyDir(t, 3) // before communes, posters, hidden documents
	kb, rs := openData(t, dir)
	if _, err := rs.UserByName(ctx, "admin"); err != nil {
		t.Fatalf("the old administrator: %v", err)
	}
	if _, err := rs.CreatePoster(ctx, "demo", "nhà văn hóa", "admin"); err != nil {
		t.Fatalf("a poster after the records' own migrations: %v", err)
	}
	if err := kb.Hide(ctx, "old-doc", "demo", "admin"); err != nil {
		t.Fatalf("hiding after the knowledge base's own migrations: %v", err)
	}
}

func TestOpenNewDataDirectory(t *testing.T) {
	ctx := context.Background()
	_, rs := openData(t, t.TempDir())
	if _, err := rs.CreatePoster(ctx, "demo", "bảng tin", "admin"); err != nil {
		t.Fatal(err)
	}
	if err := rs.RecordAnswer(ctx, records.AnswerRecord{ID: "a", Question: "q", Mode: "extractive"}); err != nil {
		t.Fatal(err)
	}
}
