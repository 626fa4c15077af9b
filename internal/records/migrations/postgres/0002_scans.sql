-- QR poster scans per commune, poster and day (YYYY-MM-DD, Vietnam time),
-- for the administrators' analytics. No personal data. Text that is
-- sorted compares byte by byte (COLLATE "C"), as in SQLite.
CREATE TABLE scans (
	commune TEXT COLLATE "C" NOT NULL,
	poster  TEXT COLLATE "C" NOT NULL,
	day     TEXT COLLATE "C" NOT NULL,
	count   BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (commune, poster, day)
);
