package barista.admin;

import barista.Context;
import barista.access.Principal;

/**
 * One signed-in request to an admin page: the request, who sent it, the CSRF token its forms
 * carry, and the time zone its times are in.
 *
 * @param ctx       the request
 * @param principal the signed-in principal (never anonymous)
 * @param csrf      the token for this session's forms
 * @param time      how this viewer's pages show and read times ({@link AdminTime#of})
 */
record Visit(Context ctx, Principal principal, String csrf, AdminTime time) {
    Visit(Context ctx, Principal principal, String csrf) {
        this(ctx, principal, csrf, AdminTime.of(ctx));
    }

    /**
     * Whether the principal may do what {@code permission} names; {@code null} asks only that they
     * may use the admin at all ({@link Permissions#staff}).
     */
    boolean may(String permission) {
        return permission == null ? Permissions.staff(principal) : principal.hasPermission(permission);
    }
}
