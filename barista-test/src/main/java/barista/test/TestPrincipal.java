package barista.test;

import barista.access.Principal;
import java.util.Set;

/**
 * A signed-in principal made up for a test: a name, roles and permissions, where {@code *}
 * holds every permission. Pair it with an access control that picks one per request, so a test
 * exercises route requirements without a user store:
 *
 * <pre>{@code
 * app.accessControl(ctx -> ctx.header("X-User") == null ? Principal.anonymous()
 *         : new TestPrincipal(ctx.header("X-User"), Set.of("admin"), Set.of()));
 * }</pre>
 */
public record TestPrincipal(String name, Set<String> roles, Set<String> permissions) implements Principal {
    public TestPrincipal {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
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
