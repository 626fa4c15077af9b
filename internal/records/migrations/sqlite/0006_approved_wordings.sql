-- Other wordings of an approved answer's question, one a line: residents
-- ask the same thing in words the first wording does not hold.
ALTER TABLE approved_answers ADD COLUMN wordings TEXT NOT NULL DEFAULT '';
