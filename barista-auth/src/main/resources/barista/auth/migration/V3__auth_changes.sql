-- How many auth changes were committed, for the processes that share one SQLite file (serving
-- nodes, the CLI): each change adds one, and serving nodes look every 200 ms and reload when it
-- moved. PostgreSQL nodes tell each other with NOTIFY instead and leave it at 0.
CREATE TABLE auth_changes (
    id INT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO auth_changes (id, version) VALUES (1, 0);
