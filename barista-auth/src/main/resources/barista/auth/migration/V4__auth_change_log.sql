-- What changed in the auth tables, written in each change's own transaction, so every node (and
-- the CLI) can read what the others changed since it last looked instead of re-reading every
-- table: a row names a session (signed in, signed out, last seen moved) or, with no session,
-- anything else (users, roles, keys), which makes the readers read everything. Rows older than a
-- few minutes are deleted by whichever node prunes first.
CREATE TABLE auth_change_log (
    seq ${id},
    node VARCHAR(32) NOT NULL,
    session_hash VARCHAR(64),
    changed_at BIGINT NOT NULL
);
CREATE INDEX auth_change_log_time ON auth_change_log (changed_at);

-- The SQLite change counter (V3), replaced by the log above on both databases.
DROP TABLE auth_changes;
