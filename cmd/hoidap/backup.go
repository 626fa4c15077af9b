package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/hoidap/hoidap/knowledge"
)

// cmdBackup writes a consistent copy of the store while the service may
// be running: the store is the source of truth, the index is rebuilt from
// it, so the copy is all a restore needs.
func cmdBackup(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f := newFlagSet("backup", getenv, stderr)
	var data, out string
	f.dataFlag(&data)
	f.StringVar(&out, "out", "", "file to write the copy to; an existing file is never overwritten")
	if err := f.parse(args); err != nil {
		return err
	}
	if out == "" || f.NArg() > 0 {
		return fmt.Errorf("%w: hoidap backup --out FILE", errUsage)
	}
	db := filepath.Join(data, "hoidap.db")
	if _, err := os.Stat(db); err != nil {
		return fmt.Errorf("no store to back up: %w", err)
	}
	// The store alone, not the knowledge base: no index is opened, so a
	// backup never competes with the running service for it.
	start := time.Now()
	store, err := knowledge.OpenStore(ctx, db)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Backup(ctx, out); err != nil {
		return err
	}
	docs, passages, err := store.CountDocuments(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup: %s (%d documents, %d passages) in %s\n", out, docs, passages, time.Since(start).Round(time.Millisecond))
	return nil
}
