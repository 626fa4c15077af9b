-- The records' own counters (the approved answers' version), apart from
-- the knowledge base's meta table. The version read by the running
-- process's memo restarts at 0: no cache outlives the process.
CREATE TABLE records_meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
