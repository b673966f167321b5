CREATE TABLE tag (
    note_id BIGINT NOT NULL REFERENCES note (id),
    name VARCHAR(100) NOT NULL
);
