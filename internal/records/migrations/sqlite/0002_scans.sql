-- QR poster scans per commune, poster and day (YYYY-MM-DD, Vietnam time),
-- for the administrators' analytics. No personal data.
CREATE TABLE scans (
	commune TEXT NOT NULL,
	poster  TEXT NOT NULL,
	day     TEXT NOT NULL,
	count   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (commune, poster, day)
);
