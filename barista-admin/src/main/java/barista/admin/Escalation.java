package barista.admin;

import barista.access.Principal;
import barista.auth.Auth;
import barista.auth.Role;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The rule that keeps {@code users:manage} from being a back door to everything: an account
 * manager may only grant permissions they hold themselves, and may only act on a user or role (set
 * its roles or permissions, deactivate it, make or revoke its API keys, delete it) whose
 * permissions they hold. Without it, a holder of {@code users:manage} alone could give themselves
 * the {@code admin} role, add {@code *} to a role of theirs, or make an API key for the admin user.
 * The seeded {@code admin} role holds {@code *}, so it passes every check.
 *
 * <p>Threading: stateless; reads the auth module's in-memory users and roles.
 */
final class Escalation {
    /** What the pages say when the rule refuses. */
    static final String REFUSED = "not allowed: it involves permissions your account does not hold";

    private Escalation() {
    }

    /** Whether {@code caller} holds every one of {@code permissions} (a wildcard only through an equal or wider one). */
    static boolean holdsAll(Principal caller, Collection<String> permissions) {
        for (String p : permissions) {
            if (!caller.hasPermission(p)) {
                return false;
            }
        }
        return true;
    }

    /** The permissions the named roles grant together; unknown names grant nothing. */
    static Set<String> ofRoles(Auth auth, Collection<String> roles) {
        Set<String> out = new HashSet<>();
        for (String r : roles) {
            auth.roles().find(r).map(Role::permissions).ifPresent(out::addAll);
        }
        return out;
    }

    /** The permissions {@code username} holds now; none for an unknown user. */
    static Set<String> ofUser(Auth auth, String username) {
        return auth.users().find(username).map(u -> ofRoles(auth, u.roles())).orElse(Set.of());
    }

    /** Whether {@code caller} may act on {@code username}. */
    static boolean mayActOnUser(Principal caller, Auth auth, String username) {
        return holdsAll(caller, ofUser(auth, username));
    }

    /** Whether {@code caller} may give {@code roles} to someone. */
    static boolean mayGrantRoles(Principal caller, Auth auth, Collection<String> roles) {
        return holdsAll(caller, ofRoles(auth, roles));
    }
}
