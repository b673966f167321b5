-- What changed in the auth tables, written in each change's own transaction, so every node (and
-- the CLI) can read what the others changed since it last looked instead of re-reading every
-- table: a row names a session (signed in, signed out, last seen moved) or, with no session,
-- anything else (users, roles, keys), which makes the readers read everything. Only the newest
-- rows are kept; a node that fell further behind reads everything.
CREATE TABLE auth_change_log (
    seq ${id},
    node VARCHAR(32) NOT NULL,
    session_hash VARCHAR(64)
);
-- auth_changes (V3) stays for processes of earlier versions that share a SQLite file: they count
-- their changes there, and serving nodes still watch it.
