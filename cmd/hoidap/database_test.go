package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

// With --database-url the office's records are kept in PostgreSQL: the
// first administrator, the answers given, a password reset from the
// command line; so are documents: --data holds the replica's index but no
// SQLite store.
func TestServeKeepsRecordsInPostgres(t *testing.T) {
	ctx := context.Background()
	url := sqldbtest.Postgres(t)
	data := t.TempDir()
	s := mustServe(t, map[string]string{"HOIDAP_DATA": data, "HOIDAP_DATABASE_URL": url})
	resp, err := http.Post(s.URL+"/api/v1/ask", "application/json", strings.NewReader(`{"question":"đăng ký khai sinh","commune":"demo"}`))
	if err != nil {
		t.Fatal(err)
	}
	var answer struct {
		ID       string `json:"id"`
		Grounded bool   `json:"grounded"`
	}
	err = json.NewDecoder(resp.Body).Decode(&answer)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || !answer.Grounded {
		t.Fatalf("ask: %d %+v %v\n%s", resp.StatusCode, answer, err, s.Stderr)
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("serve exited %d: %s", code, s.Stderr)
	}
	if strings.Contains(s.Stderr.String(), url) {
		t.Error("the database URL is in the log")
	}

	rs, err := records.OpenFile(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	if _, err := rs.Answer(ctx, answer.ID); err != nil {
		t.Errorf("the answer record in PostgreSQL: %v", err)
	}
	if _, err := rs.UserByName(ctx, "admin"); err != nil {
		t.Errorf("the first administrator in PostgreSQL: %v", err)
	}
	if _, err := os.Stat(filepath.Join(data, "hoidap.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a SQLite store in --data beside PostgreSQL: %v", err)
	}
	var docs int
	if err := rs.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM documents`).Scan(&docs); err != nil || docs == 0 {
		t.Errorf("documents in PostgreSQL: %d, %v", docs, err)
	}

	var out, errOut syncBuffer
	code := run(ctx, []string{"admin", "reset-password", "admin", "--data", data}, envOf(map[string]string{"HOIDAP_DATABASE_URL": url}), &out, &errOut)
	if code != 0 || !strings.Contains(out.String(), "one-time password") {
		t.Errorf("reset-password in PostgreSQL: exit %d, %s %s", code, &out, &errOut)
	}
}

// A database URL that is not PostgreSQL's is a usage error; one whose
// server does not answer stops the start at once. Neither shows the
// password.
func TestDatabaseURLErrors(t *testing.T) {
	for _, tc := range []struct {
		url  string
		code int
	}{
		{"mysql://u:hunter2@db/x", 2},
		{"postgres://u:hunter2@127.0.0.1:1/x", 1},
	} {
		var out, errOut syncBuffer
		args := []string{"serve", "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--national-records=false", "--database-url", tc.url}
		code := run(context.Background(), args, envOf(nil), &out, &errOut)
		if code != tc.code || strings.Contains(errOut.String(), "hunter2") || strings.Contains(out.String(), "hunter2") {
			t.Errorf("%s: exit %d, want %d: %s", tc.url, code, tc.code, &errOut)
		}
	}
}

// Two "hoidap serve" on one PostgreSQL database, each with its own --data:
// a file uploaded to one is found on the other within 2 s, and once the
// first stops the second still answers.
func TestTwoServesShareOneDatabase(t *testing.T) {
	const token = "tok-replicas-test-5b1c9e7d2a4f"
	env := map[string]string{"HOIDAP_DATABASE_URL": sqldbtest.Postgres(t), "HOIDAP_ADMIN_TOKEN": token,
		"HOIDAP_ADMIN_PASSWORD": "Mat-khau-thu-nghiem-123", "HOIDAP_RATE_LIMIT": "0"}
	a, b := mustServe(t, env), mustServe(t, env)
	const title = "Lịch họp thôn Đông"
	if code := postUpload(t, a.URL, token, "hop.md", "# "+title+"\n\nHọp thôn Đông tối thứ hai tại nhà văn hóa.\n"); code != http.StatusCreated {
		t.Fatalf("upload on A: %d", code)
	}
	deadline := time.Now().Add(2 * time.Second)
	for !slices.Contains(searchTitles(t, b.URL, "lịch họp thôn đông"), title) {
		if time.Now().After(deadline) {
			t.Fatalf("an upload on A is not found on B within 2 s: %s", b.Stderr)
		}
		time.Sleep(25 * time.Millisecond)
	}
	if code := a.stop(t); code != 0 {
		t.Fatalf("A exited %d: %s", code, a.Stderr)
	}
	resp, err := http.Post(b.URL+"/api/v1/ask", "application/json", strings.NewReader(`{"question":"đăng ký khai sinh","commune":"demo"}`))
	if err != nil {
		t.Fatal(err)
	}
	var answer struct{ Grounded bool }
	err = json.NewDecoder(resp.Body).Decode(&answer)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || !answer.Grounded {
		t.Errorf("B once A stopped: %d %+v %v", resp.StatusCode, answer, err)
	}
}
