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

// keepOriginal writes the uploaded file under uploads/ with a random
// prefix and its sanitised name, and returns the path relative to the data
// directory; "" when the knowledge base lives in memory. The file is
// written under a partial name and renamed once whole and synced, so that
// a process killed mid-write leaves only a partial file, which
// Sweep removes.
func (w *Workflow) keepOriginal(f upload.File) (string, error) {
	dir := w.kb.Dir()
	if dir == "" {
		return "", nil
	}
	prefix, err := randomID("")
	if err != nil {
		return "", err
	}
	rel := UploadsDir + "/" + prefix + "-" + upload.SafeName(f.Name)
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
	dir := w.kb.Dir()
	if dir == "" || rel == "" || !strings.HasPrefix(rel, UploadsDir+"/") || strings.Contains(rel, "..") {
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
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(rel))); err != nil && !errors.Is(err, os.ErrNotExist) {
		w.log.Error("remove upload", slog.Any("error", err))
	}
}

// Sweep removes the files under the data directory's uploads that
// no document refers to and that are older than age: originals of an
// upload the process died in, or that a failed undo left, and partial
// writes. At start, before serving, age can be 0; while serving, use at
// least SweepAge. It returns how many files it removed.
func (w *Workflow) Sweep(ctx context.Context, age time.Duration) (int, error) {
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
