-- Administrators' accounts, their sessions and API tokens, and failed
-- logins for throttling. Secrets are stored only as SHA-256 (tokens) or
-- bcrypt (passwords).
CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL UNIQUE,
	role          TEXT NOT NULL,          -- province | commune
	commune       TEXT NOT NULL DEFAULT '',
	password_hash TEXT NOT NULL,
	must_change   INTEGER NOT NULL DEFAULT 0,
	created_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf       TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	seen_at    INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
	id         INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	name       TEXT NOT NULL,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	role       TEXT NOT NULL,
	commune    TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	used_at    INTEGER NOT NULL DEFAULT 0
);

-- Failed logins per key ("ip:..." or "user:..."), reset by a success.
CREATE TABLE login_failures (
	key          TEXT PRIMARY KEY,
	failures     INTEGER NOT NULL,
	locked_until INTEGER NOT NULL DEFAULT 0,
	updated_at   INTEGER NOT NULL
);
