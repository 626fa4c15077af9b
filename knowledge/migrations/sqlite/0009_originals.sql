-- Uploaded originals kept in the database, so that any replica sharing
-- it has them (PostgreSQL). A SQLite store keeps its originals as files
-- under --data/uploads and leaves this table empty.
CREATE TABLE originals (
	path       TEXT PRIMARY KEY,
	data       BLOB NOT NULL,
	created_at INTEGER NOT NULL
);
