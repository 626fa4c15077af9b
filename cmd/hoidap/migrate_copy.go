package main

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// column is a column both sides of a copy have, with its type in
// PostgreSQL.
type column struct {
	name, pgType string
}

// copyTable copies the rows of table from src into dst in batches, each in
// a transaction, skipping rows dst has; then sets the table's sequences
// past the largest id copied, and counts both sides.
func copyTable(ctx context.Context, src, dst *sql.DB, table string) (tableCount, error) {
	c := tableCount{table: table}
	cols, err := commonColumns(ctx, src, dst, table)
	if err != nil {
		return c, err
	}
	if len(cols) > 0 {
		if c.copied, err = copyRows(ctx, src, dst, table, cols); err != nil {
			return c, err
		}
		if err := resetSequences(ctx, dst, table, cols); err != nil {
			return c, err
		}
	}
	if err := src.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+quote(table)).Scan(&c.source); err != nil {
		return c, err
	}
	err = dst.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+quote(table)).Scan(&c.target)
	return c, err
}

// commonColumns lists the columns of table that src has and dst has and
// can be written (not generated), in src's order.
func commonColumns(ctx context.Context, src, dst *sql.DB, table string) ([]column, error) {
	rows, err := dst.QueryContext(ctx, `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER'`, table)
	if err != nil {
		return nil, err
	}
	types := map[string]string{}
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			rows.Close()
			return nil, err
		}
		types[name] = typ
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	srcCols, err := names(ctx, src, "SELECT name FROM pragma_table_info(?) ORDER BY cid", table)
	if err != nil {
		return nil, err
	}
	var cols []column
	for _, name := range srcCols {
		if typ, ok := types[name]; ok {
			cols = append(cols, column{name, typ})
		}
	}
	return cols, nil
}

func copyRows(ctx context.Context, src, dst *sql.DB, table string, cols []column) (int64, error) {
	list := make([]string, len(cols))
	for i, c := range cols {
		list[i] = quote(c.name)
	}
	sel := "SELECT " + strings.Join(list, ", ") + " FROM " + quote(table)
	// In rowid order, parents come before the rows of the same table
	// that refer to them; a table without rowid is read as it is.
	rows, err := src.QueryContext(ctx, sel+" ORDER BY rowid")
	if err != nil {
		rows, err = src.QueryContext(ctx, sel)
	}
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	// PostgreSQL takes at most 65,535 parameters a statement.
	per := min(copyBatch, 65535/len(cols))
	insert := "INSERT INTO " + quote(table) + " (" + strings.Join(list, ", ") + ") OVERRIDING SYSTEM VALUE VALUES "
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	var copied int64
	batch := make([]any, 0, per*len(cols))
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		n := len(batch) / len(cols)
		q := insert + strings.TrimSuffix(strings.Repeat(one+", ", n), ", ") + " ON CONFLICT DO NOTHING"
		tx, err := dst.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, q, batch...)
		if err != nil {
			_ = tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		k, _ := res.RowsAffected()
		copied += k
		batch = batch[:0]
		return nil
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return copied, err
		}
		for i, c := range cols {
			batch = append(batch, convert(vals[i], c.pgType))
		}
		if len(batch) == per*len(cols) {
			if err := flush(); err != nil {
				return copied, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return copied, err
	}
	return copied, flush()
}

// convert turns a SQLite value into what the PostgreSQL column of pgType
// takes where the two engines store it differently.
func convert(v any, pgType string) any {
	switch pgType {
	case "boolean":
		if n, ok := v.(int64); ok {
			return n != 0
		}
	case "bytea":
		if s, ok := v.(string); ok {
			return []byte(s)
		}
	case "text", "character varying":
		if b, ok := v.([]byte); ok {
			return string(b)
		}
	}
	return v
}

// resetSequences sets each sequence behind a column of table (identity or
// serial) so that the next id is past the largest one copied.
func resetSequences(ctx context.Context, dst *sql.DB, table string, cols []column) error {
	for _, c := range cols {
		var seq sql.NullString
		if err := dst.QueryRowContext(ctx, "SELECT pg_get_serial_sequence(?, ?)", quote(table), c.name).Scan(&seq); err != nil {
			return fmt.Errorf("sequence of %s.%s: %w", table, c.name, err)
		}
		if !seq.Valid {
			continue
		}
		q := "SELECT setval(?, COALESCE((SELECT MAX(" + quote(c.name) + ") FROM " + quote(table) + "), 0) + 1, false)"
		if _, err := dst.ExecContext(ctx, q, seq.String); err != nil {
			return fmt.Errorf("sequence of %s.%s: %w", table, c.name, err)
		}
	}
	return nil
}

// quote returns name as a quoted SQL identifier, the same on both
// engines.
func quote(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
