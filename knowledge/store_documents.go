package knowledge

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// PutDocuments writes docs and their passages in one transaction, replacing
// any document with the same ID, and queues them for indexing. Either all
// land or none does. A document without Updated gets the time it was
// stored.
func (s *Store) PutDocuments(ctx context.Context, docs []Document) error {
	_, err := s.putDocuments(ctx, docs)
	return err
}

// span is the numbers of the change sequence one transaction took: one
// after another, since the counter stays locked until it commits.
type span struct{ first, last int64 }

func (sp *span) add(seq int64) {
	if sp.first == 0 {
		sp.first = seq
	}
	sp.last = seq
}

func (s *Store) putDocuments(ctx context.Context, docs []Document) (span, error) {
	var sp span
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return sp, fmt.Errorf("knowledge: put documents: %w", err)
	}
	defer tx.Rollback()
	now := s.Now().Unix()
	for i := range docs {
		if err := putDocument(ctx, tx, &docs[i], now); err != nil {
			return sp, err
		}
		seq, err := s.bump(ctx, tx, docs[i].ID)
		if err != nil {
			return sp, err
		}
		sp.add(seq)
	}
	if err := tx.Commit(); err != nil {
		return span{}, fmt.Errorf("knowledge: put documents: %w", err)
	}
	return sp, nil
}

func putDocument(ctx context.Context, tx *sql.Tx, d *Document, now int64) error {
	var proc []byte
	if d.Procedure != nil {
		var err error
		if proc, err = json.Marshal(d.Procedure); err != nil {
			return fmt.Errorf("knowledge: put %s: %w", d.ID, err)
		}
	}
	updated := now
	if !d.Updated.IsZero() {
		updated = d.Updated.Unix()
	} else {
		d.Updated = time.Unix(now, 0).UTC() // the caller sees the time stored
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO documents
		(id, kind, title, commune, source, url, procedure_json, body, original_name, original_path, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, title=excluded.title, commune=excluded.commune,
		source=excluded.source, url=excluded.url, procedure_json=excluded.procedure_json, body=excluded.body,
		original_name=excluded.original_name, original_path=excluded.original_path, updated_at=excluded.updated_at`,
		d.ID, d.Kind, d.Title, d.Commune, d.Source, d.URL, string(proc), d.Body, d.OriginalName, d.OriginalPath, now, updated)
	if err != nil {
		return fmt.Errorf("knowledge: put %s: %w", d.ID, err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM passages WHERE doc_id = ?", d.ID); err != nil {
		return fmt.Errorf("knowledge: put %s: %w", d.ID, err)
	}
	for _, p := range d.Passages {
		_, err := tx.ExecContext(ctx,
			"INSERT INTO passages(id, doc_id, ordinal, section, heading, text) VALUES (?, ?, ?, ?, ?, ?)",
			p.ID, d.ID, p.Ordinal, p.Section, p.Heading, p.Text)
		if err != nil {
			return fmt.Errorf("knowledge: put %s passage %d: %w", d.ID, p.Ordinal, err)
		}
	}
	return queue(ctx, tx, d.ID, now)
}

func queue(ctx context.Context, tx *sql.Tx, id string, now int64) error {
	_, err := tx.ExecContext(ctx,
		"INSERT INTO index_queue(doc_id, queued_at) VALUES (?, ?) ON CONFLICT(doc_id) DO UPDATE SET queued_at = excluded.queued_at", id, now)
	if err != nil {
		return fmt.Errorf("knowledge: queue %s: %w", id, err)
	}
	return nil
}

// DeleteDocument removes a document and its passages and queues the removal
// from the index.
func (s *Store) DeleteDocument(ctx context.Context, id string) error {
	_, err := s.deleteDocument(ctx, id)
	return err
}

func (s *Store) deleteDocument(ctx context.Context, id string) (span, error) {
	var sp span
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return sp, fmt.Errorf("knowledge: delete %s: %w", id, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, "DELETE FROM documents WHERE id = ?", id)
	if err != nil {
		return sp, fmt.Errorf("knowledge: delete %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return sp, fmt.Errorf("knowledge: delete %s: %w", id, ErrNotFound)
	}
	if err := queue(ctx, tx, id, s.Now().Unix()); err != nil {
		return sp, err
	}
	seq, err := s.bump(ctx, tx, id)
	if err != nil {
		return sp, err
	}
	sp.add(seq)
	if err := tx.Commit(); err != nil {
		return span{}, fmt.Errorf("knowledge: delete %s: %w", id, err)
	}
	return sp, nil
}

// Pending returns the IDs of documents written or deleted but not yet
// confirmed in the index.
func (s *Store) Pending(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT doc_id FROM index_queue ORDER BY queued_at, doc_id")
	if err != nil {
		return nil, fmt.Errorf("knowledge: pending: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("knowledge: pending: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// MarkIndexed removes ids from the index queue.
func (s *Store) MarkIndexed(ctx context.Context, ids []string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("knowledge: mark indexed: %w", err)
	}
	defer tx.Rollback()
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "DELETE FROM index_queue WHERE doc_id = ?", id); err != nil {
			return fmt.Errorf("knowledge: mark indexed: %w", err)
		}
	}
	return tx.Commit()
}

// ClearQueue empties the index queue, after a full rebuild.
func (s *Store) ClearQueue(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM index_queue")
	if err != nil {
		return fmt.Errorf("knowledge: clear queue: %w", err)
	}
	return nil
}

const documentColumns = "id, kind, title, commune, source, url, procedure_json, body, original_name, original_path, updated_at"

func scanDocument(sc interface{ Scan(...any) error }) (Document, error) {
	var d Document
	var proc string
	var updated int64
	if err := sc.Scan(&d.ID, &d.Kind, &d.Title, &d.Commune, &d.Source, &d.URL, &proc, &d.Body,
		&d.OriginalName, &d.OriginalPath, &updated); err != nil {
		return d, err
	}
	d.Updated = time.Unix(updated, 0).UTC()
	if proc != "" {
		d.Procedure = new(Procedure)
		if err := json.Unmarshal([]byte(proc), d.Procedure); err != nil {
			return d, fmt.Errorf("procedure of %s: %w", d.ID, err)
		}
	}
	return d, nil
}

// Document returns one document with its passages.
func (s *Store) Document(ctx context.Context, id string) (Document, error) {
	row := s.db.QueryRowContext(ctx, "SELECT "+documentColumns+" FROM documents WHERE id = ?", id)
	d, err := scanDocument(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Document{}, fmt.Errorf("knowledge: document %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Document{}, fmt.Errorf("knowledge: document %s: %w", id, err)
	}
	d.Passages, err = s.passages(ctx, id)
	return d, err
}

func (s *Store) passages(ctx context.Context, docID string) ([]Passage, error) {
	rows, err := s.db.QueryContext(ctx,
		"SELECT id, doc_id, ordinal, section, heading, text FROM passages WHERE doc_id = ? ORDER BY ordinal", docID)
	if err != nil {
		return nil, fmt.Errorf("knowledge: passages of %s: %w", docID, err)
	}
	defer rows.Close()
	var ps []Passage
	for rows.Next() {
		var p Passage
		if err := rows.Scan(&p.ID, &p.DocID, &p.Ordinal, &p.Section, &p.Heading, &p.Text); err != nil {
			return nil, fmt.Errorf("knowledge: passages of %s: %w", docID, err)
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

// ListOptions filters Documents.
type ListOptions struct {
	Commune string // "" for all; "-" for province-wide only
	Source  string // "" for all
	Limit   int    // 0 for no limit
	Offset  int
}

// Documents lists documents without their passages, newest first.
func (s *Store) Documents(ctx context.Context, o ListOptions) ([]Document, error) {
	q := "SELECT " + documentColumns + " FROM documents WHERE 1=1"
	var args []any
	switch o.Commune {
	case "":
	case "-":
		q += " AND commune = ''"
	default:
		q += " AND commune = ?"
		args = append(args, o.Commune)
	}
	if o.Source != "" {
		q += " AND source = ?"
		args = append(args, o.Source)
	}
	q += " ORDER BY updated_at DESC, id"
	if o.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d OFFSET %d", o.Limit, o.Offset)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("knowledge: documents: %w", err)
	}
	defer rows.Close()
	var docs []Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, fmt.Errorf("knowledge: documents: %w", err)
		}
		docs = append(docs, d)
	}
	return docs, rows.Err()
}

// CountDocuments returns the number of documents and passages stored.
func (s *Store) CountDocuments(ctx context.Context) (docs, passages int, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM passages)").Scan(&docs, &passages)
	if err != nil {
		err = fmt.Errorf("knowledge: count: %w", err)
	}
	return docs, passages, err
}

// EachDocument calls fn for every document with its passages, in ID order.
// Used to rebuild the index.
func (s *Store) EachDocument(ctx context.Context, fn func(Document) error) error {
	rows, err := s.db.QueryContext(ctx, "SELECT "+documentColumns+" FROM documents ORDER BY id")
	if err != nil {
		return fmt.Errorf("knowledge: each document: %w", err)
	}
	var docs []Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			rows.Close()
			return fmt.Errorf("knowledge: each document: %w", err)
		}
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("knowledge: each document: %w", err)
	}
	all, err := s.allPassages(ctx)
	if err != nil {
		return err
	}
	for _, d := range docs {
		d.Passages = all[d.ID]
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) allPassages(ctx context.Context) (map[string][]Passage, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, doc_id, ordinal, section, heading, text FROM passages ORDER BY doc_id, ordinal")
	if err != nil {
		return nil, fmt.Errorf("knowledge: all passages: %w", err)
	}
	defer rows.Close()
	all := make(map[string][]Passage)
	for rows.Next() {
		var p Passage
		if err := rows.Scan(&p.ID, &p.DocID, &p.Ordinal, &p.Section, &p.Heading, &p.Text); err != nil {
			return nil, fmt.Errorf("knowledge: all passages: %w", err)
		}
		all[p.DocID] = append(all[p.DocID], p)
	}
	return all, rows.Err()
}

// OriginalPaths returns the kept originals that documents refer to.
func (s *Store) OriginalPaths(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT DISTINCT original_path FROM documents WHERE original_path != ''")
	if err != nil {
		return nil, fmt.Errorf("knowledge: original paths: %w", err)
	}
	defer rows.Close()
	paths := map[string]bool{}
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, fmt.Errorf("knowledge: original paths: %w", err)
		}
		paths[p] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("knowledge: original paths: %w", err)
	}
	return paths, nil
}
