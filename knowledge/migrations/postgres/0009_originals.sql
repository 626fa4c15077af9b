-- Uploaded originals kept in the database, so that any replica sharing
-- it has them, not only the one that was sent the file. The path is the
-- one documents refer to (uploads/…), as on a SQLite store's disk.
CREATE TABLE originals (
	path       TEXT PRIMARY KEY,
	data       BYTEA NOT NULL,
	created_at BIGINT NOT NULL
);
