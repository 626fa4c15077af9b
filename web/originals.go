package web

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"
)

// partPrefix starts the name of an original being written; it gets its
// own name only once whole.
const partPrefix = ".part-"

// SweepAge is how old a kept file must be for a sweep while serving to
// remove it unreferenced: an upload writes its original some seconds
// before its documents refer to it.
const SweepAge = time.Hour

// SweepUploads removes the files under the data directory's uploads that
// no document refers to and that are older than age: originals of an
// upload the process died in, or that a failed undo left, and partial
// writes. At start, before serving, age can be 0; while serving, use at
// least SweepAge. It returns how many files it removed.
func (s *Server) SweepUploads(ctx context.Context, age time.Duration) (int, error) {
	dir := s.cfg.Knowledge.Dir()
	if dir == "" {
		return 0, nil
	}
	entries, err := os.ReadDir(filepath.Join(dir, uploadsDir))
	if os.IsNotExist(err) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("web: sweep uploads: %w", err)
	}
	kept, err := s.cfg.Knowledge.OriginalPaths(ctx)
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
		if kept[uploadsDir+"/"+e.Name()] {
			continue
		}
		if err := os.Remove(filepath.Join(dir, uploadsDir, e.Name())); err != nil && !os.IsNotExist(err) {
			return removed, fmt.Errorf("web: sweep uploads: %w", err)
		}
		removed++
	}
	if removed > 0 {
		s.log.Info("removed uploads no document refers to", slog.Int("files", removed))
	}
	return removed, nil
}
