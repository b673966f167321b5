-- From this version on, a change to a user or a role adds a change-log row of kind 'user' or
-- 'role' (subject: its name) instead of 'all', and the other nodes read just that user or role
-- again. For a user that includes its sessions and keys (a new password or a disabled user ends
-- its sessions), so both are looked up by user name.
CREATE INDEX auth_sessions_username ON auth_sessions (username);
CREATE INDEX auth_api_keys_username ON auth_api_keys (username);
