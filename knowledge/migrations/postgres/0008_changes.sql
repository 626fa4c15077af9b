-- The change sequence: every write of a document, its deletion, and every
-- change of the hidden procedures takes the next number of the one
-- counter row, in the writing transaction, and records it against what
-- changed (a document ID, or '#hidden'). A replica sharing the database
-- applies to its own index whatever changed above the number it has
-- applied. The counter's row lock orders the numbers as the commits, which
-- a sequence (bigserial) would not: a reader could see 8 before 7.
CREATE TABLE change_counter (
	id  INTEGER PRIMARY KEY CHECK (id = 1),
	seq BIGINT NOT NULL
);
INSERT INTO change_counter(id, seq) VALUES (1, 0);

CREATE TABLE changes (
	item TEXT PRIMARY KEY,
	seq  BIGINT NOT NULL
);
CREATE INDEX changes_seq ON changes(seq);
