-- One row per answer given, for the administrators' analytics.
-- The question is masked before it is written.
CREATE TABLE answers (
	id         TEXT PRIMARY KEY,
	session    TEXT NOT NULL DEFAULT '',
	commune    TEXT NOT NULL DEFAULT '',
	poster     TEXT NOT NULL DEFAULT '',
	question   TEXT NOT NULL,
	answer     TEXT NOT NULL DEFAULT '',
	mode       TEXT NOT NULL,
	grounded   INTEGER NOT NULL,
	sources    TEXT NOT NULL DEFAULT '[]',
	latency_ms INTEGER NOT NULL DEFAULT 0,
	tokens     INTEGER NOT NULL DEFAULT 0,
	helpful    INTEGER,            -- NULL: no feedback; 1 helpful; 0 not helpful
	comment    TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL
);
CREATE INDEX answers_commune_created ON answers(commune, created_at);
CREATE INDEX answers_created ON answers(created_at);
