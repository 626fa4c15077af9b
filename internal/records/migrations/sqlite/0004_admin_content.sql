-- Office details of communes, edited by administrators. A row overrides
-- the embedded directory's commune of the same slug; a custom row is a
-- commune the directory does not know.
CREATE TABLE communes (
	slug       TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	province   TEXT NOT NULL DEFAULT '',
	address    TEXT NOT NULL DEFAULT '',
	hours      TEXT NOT NULL DEFAULT '',
	hotline    TEXT NOT NULL DEFAULT '',
	map_url    TEXT NOT NULL DEFAULT '',
	former     TEXT NOT NULL DEFAULT '[]', -- JSON list of former names
	custom     INTEGER NOT NULL DEFAULT 0,
	updated_at INTEGER NOT NULL,
	updated_by TEXT NOT NULL DEFAULT ''
);

-- Named posters of a commune; scans are counted per poster id in scans.
CREATE TABLE posters (
	id         TEXT PRIMARY KEY,
	commune    TEXT NOT NULL,
	name       TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	created_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX posters_commune ON posters(commune, created_at);

-- Answers written by administrators, given in place of retrieval for the
-- question and close paraphrases. commune '' is province-wide.
CREATE TABLE approved_answers (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	commune    TEXT NOT NULL DEFAULT '',
	question   TEXT NOT NULL,
	answer     TEXT NOT NULL,
	notes      TEXT NOT NULL DEFAULT '',
	created_by TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX approved_answers_commune ON approved_answers(commune);
