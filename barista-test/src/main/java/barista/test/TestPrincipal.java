package barista.test;

import barista.access.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * A signed-in principal made up for a test: a name, the user it acts for, roles and permissions,
 * where {@code *} holds every permission. Pair it with an access control that picks one per
 * request, so a test exercises route requirements without a user store:
 *
 * <pre>{@code
 * app.accessControl(ctx -> ctx.header("X-User") == null ? Principal.anonymous()
 *         : new TestPrincipal(ctx.header("X-User"), Set.of("admin"), Set.of()));
 * }</pre>
 *
 * <p>The user differs from the name for a credential that isn't the user themselves, as for one
 * of their API keys: {@code new TestPrincipal("alice/key:k1", "alice", Set.of(), Set.of())}.
 */
public record TestPrincipal(String name, String user, Set<String> roles, Set<String> permissions) implements Principal {
    public TestPrincipal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(user, "user");
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** A principal that is its user, as one signed in with a password is. */
    public TestPrincipal(String name, Set<String> roles, Set<String> permissions) {
        this(name, name, roles, permissions);
    }

    /** A principal with no roles and no permissions. */
    public static TestPrincipal named(String name) {
        return new TestPrincipal(name, Set.of(), Set.of());
    }

    @Override
    public boolean authenticated() {
        return true;
    }

    @Override
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public boolean hasPermission(String permission) {
        return permissions.contains("*") || permissions.contains(permission);
    }
}
