package barista.auth;

import java.util.Set;

/**
 * A named set of permissions given to users.
 *
 * @param name        such as {@code admin} (seeded, with {@code *}) or {@code analyst}
 * @param permissions such as {@code model:iris:call}, {@code model:*:call}, {@code models:manage}
 */
public record Role(String name, Set<String> permissions) {
    public Role {
        permissions = Set.copyOf(permissions);
    }
}
