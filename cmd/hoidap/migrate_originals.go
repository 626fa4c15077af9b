package main

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hoidap/hoidap/knowledge/ingest"
)

// copyOriginals copies the uploaded originals that the SQLite store's
// documents refer to into PostgreSQL's originals table, where every
// replica finds them: a SQLite deployment keeps them as files under
// dir/uploads (and any rows its own originals table holds go too). Only
// originals a document refers to are copied: the others would be swept
// an hour after the first replica starts. Paths the target has are left
// as they are, so a second run copies none. It returns the count, and
// the referred paths found neither as a row nor as a file.
func copyOriginals(ctx context.Context, src, dst *sql.DB, dir string) (tableCount, []string, error) {
	c := tableCount{table: "originals"}
	paths, err := names(ctx, src, "SELECT DISTINCT original_path FROM documents WHERE original_path <> ''")
	if err != nil {
		return c, nil, err
	}
	inTable, err := sqliteOriginals(ctx, src)
	if err != nil {
		return c, nil, err
	}
	want := map[string]bool{}
	for _, p := range paths {
		if strings.HasPrefix(p, ingest.UploadsDir+"/") && !strings.Contains(p, "..") {
			want[p] = true
		}
	}
	for p := range inTable {
		want[p] = true
	}
	var missing []string
	for _, p := range sortedKeys(want) {
		var data []byte
		created := int64(0)
		if inTable[p] {
			if err := src.QueryRowContext(ctx, "SELECT data, created_at FROM originals WHERE path = ?", p).Scan(&data, &created); err != nil {
				return c, nil, err
			}
		} else {
			name := filepath.Join(dir, filepath.FromSlash(p))
			info, err := os.Stat(name)
			if errors.Is(err, os.ErrNotExist) {
				missing = append(missing, p)
				continue
			}
			if err != nil {
				return c, nil, err
			}
			if data, err = os.ReadFile(name); err != nil {
				return c, nil, err
			}
			created = info.ModTime().Unix()
		}
		c.source++
		res, err := dst.ExecContext(ctx, "INSERT INTO originals(path, data, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", p, data, created)
		if err != nil {
			return c, nil, err
		}
		n, _ := res.RowsAffected()
		c.copied += n
		var have int64
		if err := dst.QueryRowContext(ctx, "SELECT COUNT(*) FROM originals WHERE path = ?", p).Scan(&have); err != nil {
			return c, nil, err
		}
		c.target += have
	}
	return c, missing, nil
}

// sqliteOriginals returns the paths the SQLite store's own originals
// table holds; none when the store predates the table.
func sqliteOriginals(ctx context.Context, src *sql.DB) (map[string]bool, error) {
	tables, err := names(ctx, src, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'originals'")
	if err != nil || len(tables) == 0 {
		return nil, err
	}
	paths, err := names(ctx, src, "SELECT path FROM originals")
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(paths))
	for _, p := range paths {
		out[p] = true
	}
	return out, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
