package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/ingest"
)

// copyBatch bounds the rows one transaction of the copy writes.
const copyBatch = 500

// notCopied names the tables of the SQLite store that a copy leaves out
// on purpose, and why ("" says nothing in the report).
var notCopied = map[string]string{
	// The migrations' versions are the target's own.
	"schema_versions": "",
	// Pending index writes of the SQLite process, replayed by that
	// process into its own index; a replica on PostgreSQL builds its index
	// from the documents and follows the change sequence.
	"index_queue": "the SQLite process's pending index writes (each replica builds its index from the documents)",
	// Copied with the files under uploads/ by copyOriginals.
	"originals": "",
}

// pgSchema applies one package's PostgreSQL migrations to a database, and
// settles what a copy of its rows leaves to put right.
type pgSchema struct {
	name    string
	migrate func(ctx context.Context, db *sql.DB) error
	settle  func(ctx context.Context, db *sql.DB) error
}

// pgSchemas are the packages that keep tables in PostgreSQL, whose
// migrations make the target of a copy: the knowledge base (documents,
// passages, hidden procedures, the change sequence, originals, meta) and
// the office's records.
func pgSchemas() []pgSchema {
	return []pgSchema{
		{"knowledge", knowledge.Migrate, knowledge.SettleChanges},
		{"records", func(ctx context.Context, db *sql.DB) error {
			rs, err := records.Open(ctx, db)
			if err != nil {
				return err
			}
			return rs.Close()
		}, nil},
	}
}

// cmdMigrate copies a SQLite store (hoidap.db in --data) into a
// PostgreSQL database: hoidap migrate --from-sqlite FILE --to URL.
func cmdMigrate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f := newFlagSet("migrate", getenv, stderr)
	var from, to string
	f.str(&from, "from-sqlite", "HOIDAP_MIGRATE_FROM", "", "SQLite store to copy from (hoidap.db in --data; stop the service or copy it with hoidap backup first)")
	f.secret(&to, "to", "HOIDAP_DATABASE_URL", "PostgreSQL URL (postgres://…) to copy into")
	var fromData string
	f.str(&fromData, "from-data", "HOIDAP_MIGRATE_FROM_DATA", "", "data directory whose uploads/ holds the originals the documents refer to (default: the folder of --from-sqlite)")
	if err := f.parse(args); err != nil {
		return err
	}
	if fromData == "" {
		fromData = filepath.Dir(from)
	}
	if from == "" || !sqldb.IsURL(to) {
		return fmt.Errorf("%w: hoidap migrate --from-sqlite FILE --to postgres://…", errUsage)
	}
	if _, err := os.Stat(from); err != nil {
		return fmt.Errorf("%w: no SQLite store at %s: %w", errUsage, from, err)
	}
	src, err := sql.Open("sqlite", "file:"+from+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := sqldb.Open(to)
	if err != nil {
		return err
	}
	defer dst.Close()
	for _, s := range pgSchemas() {
		if err := s.migrate(ctx, dst); err != nil {
			return fmt.Errorf("migrations of %s on the target: %w", s.name, err)
		}
	}
	counts, skipped, err := copyTables(ctx, src, dst)
	if err != nil {
		return err
	}
	for _, s := range pgSchemas() {
		if s.settle == nil {
			continue
		}
		if err := s.settle(ctx, dst); err != nil {
			return fmt.Errorf("after the copy of %s: %w", s.name, err)
		}
	}
	originals, missing, err := copyOriginals(ctx, src, dst, fromData)
	if err != nil {
		return fmt.Errorf("copy originals: %w", err)
	}
	if len(missing) > 0 {
		fmt.Fprintf(stderr, "originals that documents refer to but %s lacks (their documents are copied; the file is not): %s\n",
			filepath.Join(fromData, ingest.UploadsDir), strings.Join(missing, ", "))
	}
	return report(stdout, append(counts, originals), skipped)
}

// tableCount is what one table held on each side after the copy.
type tableCount struct {
	table          string
	source, target int64
	copied         int64
}

func report(w io.Writer, counts []tableCount, skipped []string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "table\tsource\ttarget\tcopied now\t")
	var short []string
	for _, c := range counts {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", c.table, c.source, c.target, c.copied)
		if c.target < c.source {
			short = append(short, c.table)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, t := range skipped {
		why := notCopied[t]
		if why == "" {
			why = "no such table in PostgreSQL"
		}
		fmt.Fprintf(w, "not copied: %s: %s\n", t, why)
	}
	if len(short) > 0 {
		return fmt.Errorf("fewer rows in PostgreSQL than in SQLite: %s", strings.Join(short, ", "))
	}
	return nil
}

// copyTables copies every table of src that dst also has, the columns
// both have, parents before the tables whose foreign keys point at them;
// rows dst already has (by any unique key) are left as they are, so a
// second run copies nothing new.
func copyTables(ctx context.Context, src, dst *sql.DB) ([]tableCount, []string, error) {
	from, err := names(ctx, src, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
	if err != nil {
		return nil, nil, fmt.Errorf("tables of the SQLite store: %w", err)
	}
	to, err := names(ctx, dst, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
	if err != nil {
		return nil, nil, fmt.Errorf("tables in PostgreSQL: %w", err)
	}
	inTarget := map[string]bool{}
	for _, t := range to {
		inTarget[t] = true
	}
	var common, skipped []string
	for _, t := range from {
		why, left := notCopied[t]
		switch {
		case left && why == "":
		case left:
			skipped = append(skipped, t)
		case inTarget[t]:
			common = append(common, t)
		default:
			skipped = append(skipped, t)
		}
	}
	order, err := parentsFirst(ctx, dst, common)
	if err != nil {
		return nil, nil, err
	}
	var counts []tableCount
	for _, t := range order {
		c, err := copyTable(ctx, src, dst, t)
		if err != nil {
			return nil, nil, fmt.Errorf("copy %s: %w", t, err)
		}
		counts = append(counts, c)
	}
	return counts, skipped, nil
}

func names(ctx context.Context, db *sql.DB, query string, args ...any) ([]string, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out, rows.Err()
}

// parentsFirst orders tables so that each comes after the tables its
// foreign keys in dst refer to (a cycle, which the schemas do not have,
// ends in name order).
func parentsFirst(ctx context.Context, dst *sql.DB, tables []string) ([]string, error) {
	rows, err := dst.QueryContext(ctx, `SELECT child.relname, parent.relname
		FROM pg_constraint c
		JOIN pg_class child ON child.oid = c.conrelid
		JOIN pg_class parent ON parent.oid = c.confrelid
		JOIN pg_namespace n ON n.oid = child.relnamespace
		WHERE c.contype = 'f' AND n.nspname = current_schema()`)
	if err != nil {
		return nil, fmt.Errorf("foreign keys in PostgreSQL: %w", err)
	}
	defer rows.Close()
	parents := map[string][]string{}
	for rows.Next() {
		var child, parent string
		if err := rows.Scan(&child, &parent); err != nil {
			return nil, err
		}
		if child != parent {
			parents[child] = append(parents[child], parent)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, t := range tables {
		want[t] = true
	}
	done := map[string]bool{}
	var order []string
	for len(order) < len(tables) {
		progress := false
		for _, t := range tables {
			if done[t] {
				continue
			}
			ready := true
			for _, p := range parents[t] {
				if want[p] && !done[p] {
					ready = false
				}
			}
			if ready {
				done[t] = true
				order = append(order, t)
				progress = true
			}
		}
		if !progress {
			for _, t := range tables {
				if !done[t] {
					done[t] = true
					order = append(order, t)
				}
			}
		}
	}
	return order, nil
}
