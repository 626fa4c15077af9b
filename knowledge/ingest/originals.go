package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/upload"
)

// partPrefix starts the name of an original being written; it gets its
// own name only once whole.
const partPrefix = ".part-"

// SweepAge is how old a kept file must be for a sweep while serving to
// remove it unreferenced: an upload writes its original some seconds
// before its documents refer to it.
const SweepAge = time.Hour

// dbOriginals is a knowledge base that keeps originals in its database,
// where replicas sharing it all have them, instead of as files under
// the data directory of the one that was sent the file.
type dbOriginals interface {
	KeepsOriginals() bool
	PutOriginal(ctx context.Context, path string, data []byte) error
	DeleteOriginal(ctx context.Context, path string) error
	OriginalsBefore(ctx context.Context, t time.Time) ([]string, error)
}

// inDB returns the knowledge base's original store when it keeps
// originals in its database.
func (w *Workflow) inDB() (dbOriginals, bool) {
	db, ok := w.kb.(dbOriginals)
	return db, ok && db.KeepsOriginals()
}

// keepOriginal keeps the uploaded file under uploads/ with a random
// prefix and its sanitised name, and returns that path, relative to the
// data directory; "" when the knowledge base lives in memory. A base
// shared by replicas keeps it in its database under that path. Otherwise
// the file is written under a partial name and renamed once whole and
// synced, so that a process killed mid-write leaves only a partial file,
// which Sweep removes.
func (w *Workflow) keepOriginal(ctx context.Context, f upload.File) (string, error) {
	db, shared := w.inDB()
	dir := w.kb.Dir()
	if dir == "" && !shared {
		return "", nil
	}
	prefix, err := randomID("")
	if err != nil {
		return "", err
	}
	rel := UploadsDir + "/" + prefix + "-" + upload.SafeName(f.Name)
	if shared {
		if err := db.PutOriginal(ctx, rel, f.Data); err != nil {
			return "", fmt.Errorf("ingest: keep upload: %w", err)
		}
		return rel, nil
	}
	if err := os.MkdirAll(filepath.Join(dir, UploadsDir), 0o750); err != nil {
		return "", fmt.Errorf("ingest: keep upload: %w", err)
	}
	part := filepath.Join(dir, UploadsDir, partPrefix+prefix)
	out, err := os.OpenFile(part, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return "", fmt.Errorf("ingest: keep upload: %w", err)
	}
	_, err = out.Write(f.Data)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(part, filepath.Join(dir, filepath.FromSlash(rel)))
	}
	if err != nil {
		os.Remove(part)
		return "", fmt.Errorf("ingest: keep upload: %w", err)
	}
	return rel, nil
}

// RemoveOriginal deletes a kept original unless a document still refers
// to it (a portal file holds several). Only files
// under uploads/ are touched; a failure is logged, not returned, since
// the documents are already as they should be.
func (w *Workflow) RemoveOriginal(ctx context.Context, rel string) {
	db, shared := w.inDB()
	dir := w.kb.Dir()
	if (dir == "" && !shared) || rel == "" || !strings.HasPrefix(rel, UploadsDir+"/") || strings.Contains(rel, "..") {
		return
	}
	docs, err := w.kb.Documents(ctx, knowledge.ListOptions{})
	if err != nil {
		w.log.Error("remove upload", slog.Any("error", err))
		return
	}
	for _, d := range docs {
		if d.OriginalPath == rel {
			return
		}
	}
	if shared {
		if err := db.DeleteOriginal(ctx, rel); err != nil {
			w.log.Error("remove upload", slog.Any("error", err))
		}
		// A file kept before the database was shared goes too.
	}
	if dir == "" {
		return
	}
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(rel))); err != nil && !errors.Is(err, os.ErrNotExist) {
		w.log.Error("remove upload", slog.Any("error", err))
	}
}

// Sweep removes the files under the data directory's uploads that
// no document refers to and that are older than age: originals of an
// upload the process died in, or that a failed undo left, and partial
// writes. At start, before serving, age can be 0; while serving, use at
// least SweepAge. Originals kept in a database that replicas share are
// swept at SweepAge at least whatever age says, since another replica's
// upload may be in flight. It returns how many files it removed.
func (w *Workflow) Sweep(ctx context.Context, age time.Duration) (int, error) {
	removed, err := w.sweepDB(ctx, max(age, SweepAge))
	if err != nil {
		return removed, err
	}
	n, err := w.sweepDir(ctx, age)
	return removed + n, err
}

// sweepDB removes the originals kept in a shared database that no
// document refers to and that are older than age.
func (w *Workflow) sweepDB(ctx context.Context, age time.Duration) (int, error) {
	db, shared := w.inDB()
	if !shared {
		return 0, nil
	}
	paths, err := db.OriginalsBefore(ctx, time.Now().Add(-age))
	if err != nil || len(paths) == 0 {
		return 0, err
	}
	kept, err := w.kb.OriginalPaths(ctx)
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, p := range paths {
		if kept[p] {
			continue
		}
		if err := db.DeleteOriginal(ctx, p); err != nil {
			return removed, fmt.Errorf("ingest: sweep uploads: %w", err)
		}
		removed++
	}
	if removed > 0 {
		w.log.Info("removed kept originals no document refers to", slog.Int("originals", removed))
	}
	return removed, nil
}

// sweepDir removes the files under the data directory's uploads that no
// document refers to and that are older than age.
func (w *Workflow) sweepDir(ctx context.Context, age time.Duration) (int, error) {
	dir := w.kb.Dir()
	if dir == "" {
		return 0, nil
	}
	entries, err := os.ReadDir(filepath.Join(dir, UploadsDir))
	if os.IsNotExist(err) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("ingest: sweep uploads: %w", err)
	}
	kept, err := w.kb.OriginalPaths(ctx)
	if err != nil {
		return 0, err
	}
	// Files age by the file system's clock, not the site's.
	before, removed := time.Now().Add(-age), 0
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() || info.ModTime().After(before) {
			continue
		}
		if kept[UploadsDir+"/"+e.Name()] {
			continue
		}
		if err := os.Remove(filepath.Join(dir, UploadsDir, e.Name())); err != nil && !os.IsNotExist(err) {
			return removed, fmt.Errorf("ingest: sweep uploads: %w", err)
		}
		removed++
	}
	if removed > 0 {
		w.log.Info("removed uploads no document refers to", slog.Int("files", removed))
	}
	return removed, nil
}
