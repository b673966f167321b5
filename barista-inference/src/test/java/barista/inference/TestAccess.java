package barista.inference;

import barista.access.Principal;
import barista.http.HttpError;
import barista.spi.AccessControl;
import java.util.Set;

/**
 * The access control the inference tests run with: the real one (barista-auth) sits above this
 * module, so these tests name their caller in an {@code X-Test-User} header. {@code admin} holds
 * every permission; {@code caller-<model>} may call that one model; no header is anonymous.
 */
final class TestAccess implements AccessControl {
    static final TestAccess INSTANCE = new TestAccess();

    record User(String name, Set<String> permissions) implements Principal {
        @Override
        public boolean authenticated() {
            return true;
        }

        @Override
        public boolean hasRole(String role) {
            return false;
        }

        @Override
        public boolean hasPermission(String permission) {
            return permissions.contains("*") || permissions.contains(permission);
        }
    }

    @Override
    public Principal authenticate(barista.Context ctx) {
        String who = ctx.header("X-Test-User");
        if (who == null) {
            return Principal.anonymous();
        }
        if (who.equals("admin")) {
            return new User("admin", Set.of("*"));
        }
        if (who.startsWith("caller-")) {
            return new User(who, Set.of("model:" + who.substring("caller-".length()) + ":call"));
        }
        throw new HttpError.Unauthorized("unknown test user");
    }
}
