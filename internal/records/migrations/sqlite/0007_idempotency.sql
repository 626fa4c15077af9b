-- Responses of the admin API's uploads by the client's Idempotency-Key,
-- so that a client retrying an upload whose response it lost gets the
-- first response instead of a second copy. status 0: the first request
-- is still running.
CREATE TABLE idempotency_keys (
	scope       TEXT NOT NULL,
	key         TEXT NOT NULL,
	fingerprint TEXT NOT NULL,
	status      INTEGER NOT NULL DEFAULT 0,
	body        BLOB NOT NULL DEFAULT '',
	created_at  INTEGER NOT NULL,
	PRIMARY KEY (scope, key)
);
