package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/testcorpus"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
)

func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer kb.Close()
	rs := testcorpus.Records(t, kb)
	if err := testcorpus.Seed(ctx, kb); err != nil {
		t.Fatal(err)
	}
	// A writer adds documents and answer records all through the backup.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var written atomic.Int64
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			doc := knowledge.Document{ID: fmt.Sprintf("ghi-%d", i), Title: fmt.Sprintf("Thông báo số %d", i),
				Body: "# Thông báo\n\nNgười dân nộp hồ sơ tại Trung tâm phục vụ hành chính công xã."}
			if err := kb.Ingest(ctx, doc); err != nil {
				t.Error(err)
				return
			}
			rec := records.AnswerRecord{ID: fmt.Sprintf("a-%d", i), Question: "khai sinh", Mode: "extractive", Grounded: true}
			if err := rs.RecordAnswer(ctx, rec); err != nil {
				t.Error(err)
				return
			}
			written.Store(int64(i + 1))
		}
	})
	// The backup starts once the writer has written a record (on a busy
	// machine its first document alone can take longer than a fixed wait).
	for deadline := time.Now().Add(10 * time.Second); written.Load() == 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	out := filepath.Join(t.TempDir(), "hoidap-backup.db")
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"backup", "--data", data, "--out", out}, func(string) string { return "" }, &stdout, &stderr)
	time.Sleep(100 * time.Millisecond)
	close(stop)
	wg.Wait()
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if written.Load() == 0 {
		t.Fatal("the writer wrote nothing")
	}

	copyDB, err := knowledge.OpenStore(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	var check string
	if err := copyDB.DB().QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check %q %v", check, err)
	}
	var orphans, answers int
	copyDB.DB().QueryRowContext(ctx, "SELECT count(*) FROM passages WHERE doc_id NOT IN (SELECT id FROM documents)").Scan(&orphans)
	copyDB.DB().QueryRowContext(ctx, "SELECT count(*) FROM answers").Scan(&answers)
	docs, passages, err := copyDB.CountDocuments(ctx)
	copyDB.Close()
	if err != nil {
		t.Fatal(err)
	}
	liveDocs, _, _ := kb.CountDocuments(ctx)
	if docs < 50 || docs > liveDocs || passages < docs || orphans != 0 {
		t.Errorf("copy has %d documents (live %d), %d passages, %d orphan passages", docs, liveDocs, passages, orphans)
	}
	if answers == 0 || int64(answers) > written.Load() {
		t.Errorf("copy has %d answer records, writer wrote %d", answers, written.Load())
	}
	t.Logf("copy: %d documents, %d passages, %d answers; writer wrote %d", docs, passages, answers, written.Load())

	// The copy restores: a data directory with it alone serves searches.
	restored := t.TempDir()
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(restored, "hoidap.db"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	kb2, err := knowledge.Open(ctx, knowledge.Config{Dir: restored})
	if err != nil {
		t.Fatal(err)
	}
	defer kb2.Close()
	if kb2.Indexed() != docs {
		t.Errorf("restored index has %d documents, want %d", kb2.Indexed(), docs)
	}
	hits, err := kb2.Search(ctx, knowledge.Query{Text: "đăng ký khai sinh"})
	if err != nil || len(hits) == 0 {
		t.Errorf("restored search: %d hits, %v", len(hits), err)
	}

	// A second backup to the same file is refused and leaves it whole.
	stderr.Reset()
	if code := run(ctx, []string{"backup", "--data", data, "--out", out}, func(string) string { return "" }, &stdout, &stderr); code != 1 {
		t.Errorf("backup over an existing file: exit %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "exists") {
		t.Errorf("stderr %q does not say the file exists", stderr.String())
	}
	if after, _ := os.ReadFile(out); !bytes.Equal(after, raw) {
		t.Error("the existing backup was changed")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*partial")); len(left) > 0 {
		t.Errorf("partial files left: %v", left)
	}
}
