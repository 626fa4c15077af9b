-- One row per answer given, for the administrators' analytics.
-- The question is masked before it is written. PostgreSQL's version of
-- ../sqlite/0001_answers.sql: times are Unix seconds in BIGINT, flags
-- stay integers (0/1) so that one set of statements serves both engines.
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
	latency_ms BIGINT NOT NULL DEFAULT 0,
	tokens     BIGINT NOT NULL DEFAULT 0,
	helpful    INTEGER,            -- NULL: no feedback; 1 helpful; 0 not helpful
	comment    TEXT NOT NULL DEFAULT '',
	created_at BIGINT NOT NULL
);
CREATE INDEX answers_commune_created ON answers(commune, created_at);
CREATE INDEX answers_created ON answers(created_at);
