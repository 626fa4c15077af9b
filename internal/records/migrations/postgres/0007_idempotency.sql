-- Responses of the admin API's uploads by the client's Idempotency-Key,
-- so that a client retrying an upload whose response it lost gets the
-- first response instead of a second copy. status 0: the first request
-- is still running.
CREATE TABLE idempotency_keys (
	scope       TEXT NOT NULL,
	key         TEXT NOT NULL,
	fingerprint TEXT NOT NULL,
	status      INTEGER NOT NULL DEFAULT 0,
	body        BYTEA NOT NULL DEFAULT ''::bytea,
	created_at  BIGINT NOT NULL,
	PRIMARY KEY (scope, key)
);
