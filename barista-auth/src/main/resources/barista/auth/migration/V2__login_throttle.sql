-- Failed sign-ins, counted in the database so every node shares the limit: one row per user name
-- ("u:ada") or client address ("c:203.0.113.7"), with the failures since its window started.
-- Rows whose window has passed are deleted by the auth refresh.
CREATE TABLE auth_login_failures (
    throttle_key VARCHAR(400) PRIMARY KEY,
    window_start BIGINT NOT NULL,
    failures INT NOT NULL
);
