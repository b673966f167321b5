-- What changed in the auth tables, written in each change's own transaction, so every node (and
-- the CLI) can read what the others changed since it last looked instead of re-reading every
-- table. kind says what subject names: 'session' (a session's id hash: signed in, signed out,
-- last seen moved), 'key' (an API key's id: made or revoked) or 'all' (no subject: users and
-- roles, which make the readers read everything). Only the newest rows are kept; a node that
-- fell further behind reads everything.
CREATE TABLE auth_change_log (
    seq ${id},
    node VARCHAR(32) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    subject VARCHAR(64)
);
-- auth_changes (V3) stays for processes of earlier versions that share a SQLite file: they count
-- their changes there, and serving nodes still watch it.
