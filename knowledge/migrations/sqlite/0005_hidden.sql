-- Procedures hidden from residents: province-wide (commune '') by the
-- province administrator, or for one commune by its officers. The
-- document stays; search leaves it out.
CREATE TABLE hidden_documents (
	doc_id    TEXT NOT NULL,
	commune   TEXT NOT NULL DEFAULT '',
	hidden_by TEXT NOT NULL DEFAULT '',
	hidden_at INTEGER NOT NULL,
	PRIMARY KEY (doc_id, commune)
);
