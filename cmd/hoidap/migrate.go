package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb"
)

// copyBatch bounds the rows one transaction of the copy writes.
const copyBatch = 500

// bookkeeping names the tables that each database keeps for itself: the
// migrations' versions are the target's own.
var bookkeeping = map[string]bool{"schema_versions": true}

// pgSchema applies one package's PostgreSQL migrations to a database.
type pgSchema struct {
	name    string
	migrate func(ctx context.Context, db *sql.DB) error
}

// pgSchemas are the packages that keep tables in PostgreSQL, whose
// migrations make the target of a copy. The knowledge base keeps its
// documents in SQLite until it has PostgreSQL migrations of its own: its
// entry goes here then, and the copy takes its tables with no other
// change.
func pgSchemas() []pgSchema {
	return []pgSchema{
		{"records", func(ctx context.Context, db *sql.DB) error {
			rs, err := records.Open(ctx, db)
			if err != nil {
				return err
			}
			return rs.Close()
		}},
	}
}

// cmdMigrate copies a SQLite store (hoidap.db in --data) into a
// PostgreSQL database: hoidap migrate --from-sqlite FILE --to URL.
func cmdMigrate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f := newFlagSet("migrate", getenv, stderr)
	var from, to string
	f.str(&from, "from-sqlite", "HOIDAP_MIGRATE_FROM", "", "SQLite store to copy from (hoidap.db in --data; stop the service or copy it with hoidap backup first)")
	f.secret(&to, "to", "HOIDAP_DATABASE_URL", "PostgreSQL URL (postgres://…) to copy into")
	if err := f.parse(args); err != nil {
		return err
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
	return report(stdout, counts, skipped)
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
	if len(skipped) > 0 {
		fmt.Fprintf(w, "not copied, no such table in PostgreSQL (they stay in the SQLite store; the knowledge base's documents until it has PostgreSQL migrations): %s\n",
			strings.Join(skipped, ", "))
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
		switch {
		case bookkeeping[t]:
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
