package barista.auth;

import java.time.Instant;
import java.util.Set;

/**
 * A user account as the admin UI and CLI see it; the password hash stays inside this module.
 *
 * @param username  1 to 64 of {@code A-Z a-z 0-9 _ . @ -}
 * @param roles     role names
 * @param active    false when disabled: cannot sign in, and their sessions, keys and tokens stop working
 * @param createdAt when the account was made
 */
public record User(String username, Set<String> roles, boolean active, Instant createdAt) {
    public User {
        roles = Set.copyOf(roles);
    }
}
