package barista.admin;

import barista.access.Principal;
import java.util.List;

/**
 * The permissions the admin asks for. The {@code admin} role holds {@code *}, which the access
 * control matches against each of them.
 *
 * <p>The admin is for staff, as Django's is: a user who holds none of these (an app's API user,
 * say) can't sign in to it, and a session started elsewhere (through {@code /auth/login}) gets a
 * 403 page there. Holding any one of them is enough to sign in; each page then asks for its own.
 */
final class Permissions {
    static final String USERS_MANAGE = "users:manage";
    static final String MODELS_MANAGE = "models:manage";
    static final String PREDICTIONS_READ = "predictions:read";
    /** Any one of these makes a user staff. */
    static final List<String> STAFF = List.of(USERS_MANAGE, MODELS_MANAGE, PREDICTIONS_READ);

    private Permissions() {
    }

    /** Whether {@code p} may use the admin at all: it holds one of {@link #STAFF}. */
    static boolean staff(Principal p) {
        for (String permission : STAFF) {
            if (p.hasPermission(permission)) {
                return true;
            }
        }
        return false;
    }
}
