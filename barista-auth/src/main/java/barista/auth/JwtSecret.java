package barista.auth;

import barista.data.Database;

/**
 * The HS256 key when {@code barista.auth.jwt-secret} isn't set: 32 random bytes made by whichever
 * node starts first and kept in {@code auth_settings}, so every node and every restart signs and
 * verifies with the same key. {@code INSERT ... ON CONFLICT DO NOTHING} then a read makes racing
 * nodes agree.
 *
 * <p>Threading: called once at start-up; blocks on the database.
 */
final class JwtSecret {
    private static final String NAME = "jwt_secret";

    private JwtSecret() {
    }

    static byte[] shared(Database db) {
        return db.inTransaction(h -> {
            h.createUpdate("INSERT INTO auth_settings (name, value) VALUES (:n, :v) ON CONFLICT (name) DO NOTHING")
                    .bind("n", NAME).bind("v", Secrets.random(32)).execute();
            return h.createQuery("SELECT value FROM auth_settings WHERE name = :n").bind("n", NAME)
                    .mapTo(byte[].class).one();
        });
    }
}
