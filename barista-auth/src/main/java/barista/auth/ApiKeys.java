package barista.auth;

import barista.access.Principal;
import barista.http.HttpError;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * API keys for programs: {@code bk_<keyId>_<secret>}, the secret 32 random bytes in base64url.
 * The whole key is shown once, by {@link #create}; only SHA-256 of the secret is stored (a key is
 * high-entropy, so a fast hash is the right one). A key acts with its owner's roles, can expire,
 * and can be revoked.
 *
 * <p>Threading: thread-safe. {@link #create}, {@link #list}, {@link #listAll} and {@link #revoke}
 * block on the database (call them from a virtual thread); {@link #authenticate} reads memory only
 * and may run on an event loop.
 */
public final class ApiKeys {
    /** Every key starts with this, so scanners and people can tell what leaked. */
    public static final String PREFIX = "bk_";
    /** The permission that lets a user see and revoke other users' keys. */
    public static final String MANAGE_USERS = "users:manage";

    private final Directory directory;

    ApiKeys(Directory directory) {
        this.directory = directory;
    }

    /**
     * Makes a key for {@code username}.
     *
     * @param name      what the owner calls it, 1 to 100 characters
     * @param expiresAt when it stops working, or null for never
     * @throws HttpError.NotFound if there is no such user
     * @throws HttpError.UnprocessableContent for a bad name or an expiry in the past
     */
    public NewApiKey create(String username, String name, Instant expiresAt) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw Users.invalid("name", "must be 1 to 100 characters", "length");
        }
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw Users.invalid("expiresAt", "must be in the future", "future");
        }
        String keyId = Secrets.hexId(8);
        String secret = Secrets.token(32);
        byte[] hash = Secrets.sha256(secret);
        long now = System.currentTimeMillis();
        Long expires = expiresAt == null ? null : expiresAt.toEpochMilli();
        return directory.writeKeys(Set.of(keyId), () -> {
            if (directory.user(username) == null) {
                throw new HttpError.NotFound("no such user");
            }
            directory.db().useHandle(h -> h.createUpdate("INSERT INTO auth_api_keys "
                            + "(key_id, username, name, secret_hash, created_at, expires_at) "
                            + "VALUES (:id, :u, :n, :h, :t, :e)")
                    .bind("id", keyId).bind("u", username).bind("n", name).bind("h", hash).bind("t", now)
                    .bind("e", expires).execute());
            directory.keys.put(keyId, new Directory.KeyEntry(keyId, username, hash, expires, 0));
            return new NewApiKey(new ApiKeyInfo(keyId, username, name, Instant.ofEpochMilli(now), expiresAt, null, null),
                    PREFIX + keyId + "_" + secret);
        });
    }

    /** The user's keys, revoked ones included, newest first. */
    public List<ApiKeyInfo> list(String username) {
        return directory.db().withHandle(h -> h.createQuery(SELECT + " WHERE username = :u ORDER BY created_at DESC, key_id")
                .bind("u", username).map((rs, c) -> info(rs)).list());
    }

    /** Every user's keys, newest first: for the admin pages. */
    public List<ApiKeyInfo> listAll() {
        return directory.db().withHandle(h -> h.createQuery(SELECT + " ORDER BY created_at DESC, key_id")
                .map((rs, c) -> info(rs)).list());
    }

    /**
     * Revokes a key at once on this node, within a fraction of a second on the others.
     * {@code by} may revoke their own keys, or anyone's with {@value #MANAGE_USERS}; any other key
     * is "no such key", so a caller can't learn which ids exist. Revoking twice is harmless.
     *
     * @throws HttpError.NotFound if there is no such key or it isn't {@code by}'s to revoke
     */
    public void revoke(String keyId, Principal by) {
        if (keyId == null) { // a form without the field
            throw new HttpError.NotFound("no such key");
        }
        String caller = by instanceof AuthPrincipal p ? p.username() : by.name();
        boolean manager = by.hasPermission(MANAGE_USERS);
        directory.writeKeys(Set.of(keyId), () -> {
            String owner = directory.db().withHandle(h -> h.createQuery("SELECT username FROM auth_api_keys WHERE key_id = :k")
                    .bind("k", keyId).mapTo(String.class).findOne().orElse(null));
            if (owner == null || !(by.authenticated() && (owner.equals(caller) || manager))) {
                throw new HttpError.NotFound("no such key");
            }
            directory.db().useHandle(h -> h.createUpdate("UPDATE auth_api_keys SET revoked_at = :t "
                            + "WHERE key_id = :k AND revoked_at IS NULL")
                    .bind("t", System.currentTimeMillis()).bind("k", keyId).execute());
            directory.keys.remove(keyId);
        });
    }

    /**
     * The principal for a presented key. Never blocks.
     *
     * @throws HttpError.Unauthorized "invalid API key" for a malformed, unknown or revoked key or a
     *                                disabled owner; "API key expired" past its expiry
     */
    AuthPrincipal authenticate(String presented) {
        if (!presented.startsWith(PREFIX)) {
            throw invalid();
        }
        int sep = presented.indexOf('_', PREFIX.length());
        if (sep < 0) {
            throw invalid();
        }
        Directory.KeyEntry key = directory.key(presented.substring(PREFIX.length(), sep));
        byte[] hash = Secrets.sha256(presented.substring(sep + 1));
        if (key == null || !MessageDigest.isEqual(hash, key.secretHash)) {
            throw invalid();
        }
        long now = System.currentTimeMillis();
        if (key.expiresAt != null && key.expiresAt <= now) {
            throw new HttpError(401, "API key expired", Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
        Directory.UserEntry user = directory.user(key.username);
        if (user == null || !user.active()) {
            throw invalid();
        }
        key.lastUsed = now;
        return directory.principal(user, Credential.API_KEY, key.keyId);
    }

    private static HttpError invalid() {
        return new HttpError(401, "invalid API key", Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    private static final String SELECT =
            "SELECT key_id, username, name, created_at, expires_at, last_used_at, revoked_at FROM auth_api_keys";

    /**
     * A key's row, with the later of its written-back last use and this node's own: uses are
     * written back in batches (about once a minute), and the node that shows the list knows its
     * own to the moment.
     */
    private ApiKeyInfo info(ResultSet rs) throws SQLException {
        Instant lastUsed = instant(rs, 6);
        Directory.KeyEntry live = directory.key(rs.getString(1));
        if (live != null && live.lastUsed > 0 && (lastUsed == null || live.lastUsed > lastUsed.toEpochMilli())) {
            lastUsed = Instant.ofEpochMilli(live.lastUsed);
        }
        return new ApiKeyInfo(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                instant(rs, 5), lastUsed, instant(rs, 7));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
