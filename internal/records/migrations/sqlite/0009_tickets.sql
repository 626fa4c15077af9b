-- Questions residents leave for the commune office when the service
-- cannot answer them (issue 17). The resident reads the reply at a
-- private link whose token is kept only as its SHA-256; the question is
-- masked before it is written, the name and phone number are kept as
-- given for the commune's officers, and the whole row is deleted after
-- the retention period.
CREATE TABLE tickets (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	token_hash  TEXT NOT NULL UNIQUE,
	commune     TEXT NOT NULL,
	question    TEXT NOT NULL,
	name        TEXT NOT NULL DEFAULT '',
	phone       TEXT NOT NULL DEFAULT '',
	answer_id   TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL DEFAULT 'open', -- 'open' or 'answered'
	created_at  INTEGER NOT NULL,
	reply       TEXT NOT NULL DEFAULT '',
	replied_by  TEXT NOT NULL DEFAULT '',
	replied_at  INTEGER NOT NULL DEFAULT 0,
	approved_id INTEGER NOT NULL DEFAULT 0 -- the approved answer made of the reply
);
CREATE INDEX tickets_commune ON tickets(commune, status, created_at);
CREATE INDEX tickets_created ON tickets(created_at);
