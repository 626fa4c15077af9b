-- Documents and passages: the source of truth. The bleve index is derived.
-- PostgreSQL's version of ../sqlite/0001_init.sql: times are Unix seconds
-- in BIGINT, so that one set of statements serves both engines.
CREATE TABLE documents (
	id             TEXT PRIMARY KEY,
	kind           TEXT NOT NULL,
	title          TEXT NOT NULL,
	commune        TEXT NOT NULL DEFAULT '',
	source         TEXT NOT NULL DEFAULT '',
	url            TEXT NOT NULL DEFAULT '',
	procedure_json TEXT NOT NULL DEFAULT '',
	body           TEXT NOT NULL DEFAULT '',
	original_name  TEXT NOT NULL DEFAULT '',
	original_path  TEXT NOT NULL DEFAULT '',
	created_at     BIGINT NOT NULL,
	updated_at     BIGINT NOT NULL
);
CREATE INDEX documents_commune ON documents(commune);

CREATE TABLE passages (
	id      TEXT PRIMARY KEY,
	doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	ordinal INTEGER NOT NULL,
	section TEXT NOT NULL,
	heading TEXT NOT NULL,
	text    TEXT NOT NULL
);
CREATE INDEX passages_doc ON passages(doc_id, ordinal);

-- Index operations written in the same transaction as the documents and
-- removed once the writer's index has them. Replicas follow the change
-- sequence (0008) instead; the queue only serves the writer's replay.
CREATE TABLE index_queue (
	doc_id TEXT PRIMARY KEY,
	queued_at BIGINT NOT NULL
);

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
