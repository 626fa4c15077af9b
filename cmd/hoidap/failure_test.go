package main

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/testcorpus"
	"github.com/hoidap/hoidap/knowledge/portal"

	"github.com/blevesearch/bleve/v2"

	"github.com/hoidap/hoidap/knowledge"
)

// realProcedures is the national portal's 2,642 procedures, beside the
// repository (see ../shared/data/README.md).
const realProcedures = "../../../shared/data/dvc-procedures.jsonl.gz"

// distinctRecords counts the documents a portal file makes, by id.
func distinctRecords(t *testing.T, name string) int {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ids := map[string]bool{}
	if err := portal.Read(f, func(r portal.Record) error {
		ids[r.Document().ID] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return len(ids)
}

// buildHoidap compiles the command into a temporary directory.
func buildHoidap(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "hoidap")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// storeCounts reads, without writing, how many documents the store in dir
// holds and how many wait to be indexed.
func storeCounts(dir string) (docs, pending int, err error) {
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "hoidap.db")+"?mode=ro&_pragma=busy_timeout(2000)")
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	if err := db.QueryRow("SELECT count(*) FROM documents").Scan(&docs); err != nil {
		return 0, 0, err
	}
	err = db.QueryRow("SELECT count(*) FROM index_queue").Scan(&pending)
	return docs, pending, err
}

func TestKilledMidIngestStoreAndIndexAgree(t *testing.T) {
	if _, err := os.Stat(realProcedures); err != nil {
		t.Skipf("the real procedures are not here (%v): put dvc-procedures.jsonl.gz in ../shared/data beside the repository", err)
	}
	if testing.Short() {
		t.Skip("builds the binary and ingests real data")
	}
	bin := buildHoidap(t)
	data := t.TempDir()
	cmd := exec.Command(bin, "ingest", "--data", data, realProcedures)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// Kill it mid-file: while its one transaction is being written (the
	// WAL grows), or once it is in the store and not yet confirmed in the
	// index (index_queue not empty).
	deadline := time.Now().Add(3 * time.Minute)
	var docs, pending int
	for {
		var err error
		docs, pending, err = storeCounts(data)
		wal, _ := os.Stat(filepath.Join(data, "hoidap.db-wal"))
		if err == nil && (pending > 0 || wal != nil && wal.Size() > 4<<20) {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("ingest ended (%v) before it could be killed: %d documents", err, docs)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the file was not being written after 3 minutes: %d documents", docs)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-exited
	t.Logf("killed with %d documents in the store, %d of them not confirmed in the index", docs, pending)

	ctx := context.Background()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data})
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	stored, passages, err := kb.CountDocuments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// One file is one transaction: all of it or nothing.
	if whole := distinctRecords(t, realProcedures); stored != 0 && stored != whole {
		t.Errorf("%d documents in the store: want the whole file (%d) or none", stored, whole)
	}
	if kb.Indexed() != stored {
		t.Errorf("index has %d documents, store %d", kb.Indexed(), stored)
	}
	// A sample of stored documents is found by its title.
	sample, err := kb.Documents(ctx, knowledge.ListOptions{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range sample {
		hits, err := kb.Search(ctx, knowledge.Query{Text: d.Title, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range hits {
			found = found || h.DocID == d.ID
		}
		if !found {
			t.Errorf("stored %s %q is not found by its title", d.ID, d.Title)
		}
	}
	storedPassages := map[string]bool{}
	rows, err := kb.DB().QueryContext(ctx, "SELECT id FROM passages")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		storedPassages[id] = true
	}
	rows.Close()
	if err := kb.Close(); err != nil {
		t.Fatal(err)
	}

	// Every passage bleve holds is a stored one, and every stored one is
	// there: nothing half-written is searchable, nothing written is lost.
	idx, err := bleve.Open(filepath.Join(data, "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	n, _ := idx.DocCount()
	res, err := idx.Search(bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), int(n)+1, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	extra := 0
	for _, h := range res.Hits {
		if !storedPassages[h.ID] {
			extra++
			if extra <= 3 {
				t.Errorf("index holds passage %s, which the store does not", h.ID)
			}
		}
	}
	if int(n) != passages || len(storedPassages) != passages || extra > 0 {
		t.Errorf("index %d passages (%d not stored), store %d", n, extra, passages)
	}
	t.Logf("after restart: %d documents, %d passages in store and index", stored, passages)
}

func TestIndexRebuiltWhenDeletedOrCorrupted(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data})
	if err != nil {
		t.Fatal(err)
	}
	if err := testcorpus.Seed(ctx, kb); err != nil {
		t.Fatal(err)
	}
	want := kb.Indexed()
	if err := kb.Close(); err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(data, "index")
	damage := map[string]func(t *testing.T){
		"deleted": func(t *testing.T) {
			if err := os.RemoveAll(index); err != nil {
				t.Fatal(err)
			}
		},
		"every file garbage": func(t *testing.T) {
			garbage(t, index, func(string) bool { return true })
		},
		"segments garbage": func(t *testing.T) {
			garbage(t, index, func(name string) bool { return strings.HasSuffix(name, ".zap") })
		},
		"emptied": func(t *testing.T) {
			filepath.WalkDir(index, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					os.Truncate(p, 0)
				}
				return nil
			})
		},
	}
	for _, name := range []string{"deleted", "every file garbage", "segments garbage", "emptied"} {
		t.Run(name, func(t *testing.T) {
			damage[name](t)
			kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data})
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			defer kb.Close()
			if kb.Indexed() != want {
				t.Errorf("index has %d documents, want %d", kb.Indexed(), want)
			}
			hits, err := kb.Search(ctx, knowledge.Query{Text: "đăng ký khai sinh cần giấy tờ gì"})
			if err != nil || len(hits) == 0 {
				t.Fatalf("search after rebuild: %d hits, %v", len(hits), err)
			}
			if !strings.Contains(strings.ToLower(hits[0].Title), "khai sinh") {
				t.Errorf("first hit %q, want the birth registration", hits[0].Title)
			}
		})
	}
}

// garbage overwrites the files under dir that pick chooses with bytes
// that mean nothing, keeping their sizes.
func garbage(t *testing.T, dir string, pick func(string) bool) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !pick(d.Name()) {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		junk := []byte(strings.Repeat("rác\x00\xff", int(info.Size())/6+1))[:max(info.Size(), 16)]
		n++
		return os.WriteFile(p, junk, 0o600)
	})
	if err != nil || n == 0 {
		t.Fatalf("garbage: %d files, %v", n, err)
	}
}
