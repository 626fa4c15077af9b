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
	"github.com/hoidap/hoidap/knowledge/upload/uploadtest"
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

// ingest reads a PDF and a DOCX by their content, as the admin upload
// does, whatever their names say, and keeps their originals.
func TestIngestReadsPDFAndDOCX(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	pdf := filepath.Join(dir, "lich-tiep-dan.pdf")
	docx := filepath.Join(dir, "thong-bao.bin")
	if err := os.WriteFile(pdf, uploadtest.PDF(t, "Lich tiep cong dan",
		uploadtest.TextPage("Lich tiep cong dan", "Chu tich xa tiep cong dan sang thu Nam hang tuan.")), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(docx, uploadtest.NoticeDOCX(t, true), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"ingest", "--data", data, "--commune", "demo", pdf, docx}, func(string) string { return "" }, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	ctx := context.Background()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer kb.Close()
	docs, err := kb.Documents(ctx, knowledge.ListOptions{Commune: "demo"})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, d := range docs {
		full, err := kb.Document(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		names[full.OriginalName] = true
		if _, err := os.Stat(filepath.Join(data, filepath.FromSlash(full.OriginalPath))); err != nil {
			t.Errorf("%s: original not kept: %v", d.ID, err)
		}
	}
	if len(docs) != 2 || !names["lich-tiep-dan.pdf"] || !names["thong-bao.bin"] {
		t.Fatalf("documents %+v: want the PDF and the DOCX", docs)
	}
	hits, err := kb.Search(ctx, knowledge.Query{Text: "tiếp công dân thứ năm", Commune: "demo", Limit: 3})
	if err != nil || len(hits) == 0 {
		t.Errorf("the PDF's text is not found: %v, %v", hits, err)
	}
}
