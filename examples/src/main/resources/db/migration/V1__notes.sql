-- The notes example's table (README, "Your own tables"). The same file runs on SQLite and
-- PostgreSQL: ${id} is each database's auto-increment primary key.
CREATE TABLE notes (
    id ${id},
    author VARCHAR(300) NOT NULL,
    text VARCHAR(500) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX notes_author ON notes (author, id);
