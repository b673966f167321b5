CREATE TABLE auth_account (
    id ${id},
    name VARCHAR(100) NOT NULL UNIQUE,
    secret ${bytes} NOT NULL,
    created_at BIGINT NOT NULL
);
