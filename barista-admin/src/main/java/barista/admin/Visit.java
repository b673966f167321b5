package barista.admin;

import barista.Context;
import barista.access.Principal;

/**
 * One signed-in request to an admin page: the request, who sent it, and the CSRF token its
 * forms carry.
 *
 * @param ctx       the request
 * @param principal the signed-in principal (never anonymous)
 * @param csrf      the token for this session's forms
 */
record Visit(Context ctx, Principal principal, String csrf) {
    /** Whether the principal may do what {@code permission} names; {@code null} asks only for sign-in. */
    boolean may(String permission) {
        return permission == null || principal.hasPermission(permission);
    }

    /** How this viewer's pages show and read times. */
    AdminTime time() {
        return AdminTime.of(ctx);
    }
}
