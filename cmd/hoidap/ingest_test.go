package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/knowledge"
)

// A file that is not there is reported before the data directory is
// opened: nothing is made on disk.
func TestIngestChecksFilesFirst(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	ok := filepath.Join(t.TempDir(), "ok.md")
	if err := os.WriteFile(ok, []byte("# Bài\nNội dung."), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"ingest", "--data", data, ok, "/khong/co/file.jsonl", "anh.png"}, func(string) string { return "" }, &stdout, &stderr)
	if code == 0 {
		t.Fatal("exit 0 with a missing file")
	}
	for _, want := range []string{"/khong/co/file.jsonl: no such file", "anh.png", "nothing was ingested"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q: %s", want, stderr.String())
		}
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("the data directory was made before the files were checked (%v)", err)
	}
}

// While the service holds the data directory, ingest says so within 2 s
// and names the API upload, instead of waiting for ever on the lock.
func TestIngestWhileServiceRunsSaysSo(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	held, err := knowledge.Open(ctx, knowledge.Config{Dir: data}) // what "serve" holds
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if err := held.Ingest(ctx, knowledge.Document{ID: "bai-1", Kind: knowledge.KindArticle, Title: "Bài có sẵn", Body: "Nội dung có sẵn."}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "bai.md")
	if err := os.WriteFile(file, []byte("# Bài viết\nNội dung."), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"ingest", "--data", data, file}, {"reindex", "--data", data}} {
		var stdout, stderr bytes.Buffer
		start := time.Now()
		code := run(ctx, args, func(string) string { return "" }, &stdout, &stderr)
		took := time.Since(start)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1: %s", args[0], code, stderr.String())
		}
		if took > 2*time.Second {
			t.Errorf("%s: told after %s, want within 2 s", args[0], took)
		}
		if !strings.Contains(stderr.String(), "in use by a running \"hoidap serve\"") {
			t.Errorf("%s: stderr %q: want it to say the service holds the data", args[0], stderr.String())
		}
		if args[0] == "ingest" && !strings.Contains(stderr.String(), "/api/v1/admin/documents") {
			t.Errorf("ingest: stderr %q: want the API upload named", stderr.String())
		}
	}
	// The index the service holds is untouched and still answers.
	if held.Indexed() != 1 {
		t.Errorf("the held index has %d documents, want 1", held.Indexed())
	}
	if _, err := os.Stat(filepath.Join(data, "index", "index_meta.json")); err != nil {
		t.Errorf("the held index was removed: %v", err)
	}
}
