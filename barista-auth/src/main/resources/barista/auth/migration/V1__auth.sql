-- barista-auth's tables, prefixed so they never collide with an app's own "users".
-- Times are epoch milliseconds. ${id} and ${bytes} are filled in per database by barista-data.

CREATE TABLE auth_users (
    id ${id},
    username VARCHAR(64) NOT NULL UNIQUE,
    password_hash VARCHAR(255) NOT NULL,
    active BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE auth_roles (
    name VARCHAR(64) PRIMARY KEY,
    created_at BIGINT NOT NULL
);

CREATE TABLE auth_role_permissions (
    role_name VARCHAR(64) NOT NULL REFERENCES auth_roles (name) ON DELETE CASCADE,
    permission VARCHAR(200) NOT NULL,
    PRIMARY KEY (role_name, permission)
);

CREATE TABLE auth_user_roles (
    username VARCHAR(64) NOT NULL REFERENCES auth_users (username) ON DELETE CASCADE,
    role_name VARCHAR(64) NOT NULL REFERENCES auth_roles (name) ON DELETE CASCADE,
    PRIMARY KEY (username, role_name)
);

-- secret_hash is SHA-256 of the key's secret; the secret itself is never stored.
CREATE TABLE auth_api_keys (
    key_id VARCHAR(32) PRIMARY KEY,
    username VARCHAR(64) NOT NULL REFERENCES auth_users (username) ON DELETE CASCADE,
    name VARCHAR(100) NOT NULL,
    secret_hash ${bytes} NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    last_used_at BIGINT,
    revoked_at BIGINT
);

-- id_hash is hex SHA-256 of the session id in the cookie; the id itself is never stored.
CREATE TABLE auth_sessions (
    id_hash VARCHAR(64) PRIMARY KEY,
    username VARCHAR(64) NOT NULL REFERENCES auth_users (username) ON DELETE CASCADE,
    csrf_token VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE auth_settings (
    name VARCHAR(64) PRIMARY KEY,
    value ${bytes} NOT NULL
);

INSERT INTO auth_roles (name, created_at) VALUES ('admin', 0);
INSERT INTO auth_role_permissions (role_name, permission) VALUES ('admin', '*');
