CREATE TABLE note (
    id ${id},
    text VARCHAR(1000) NOT NULL,
    created_at BIGINT NOT NULL
);
