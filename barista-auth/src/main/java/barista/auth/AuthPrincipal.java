package barista.auth;

import barista.access.Principal;
import java.util.Set;

/**
 * A signed-in user as {@link Auth} reports it: their roles and the permissions those roles grant,
 * as they stood when the request arrived, and how the request authenticated.
 *
 * <p>Permissions are {@code :}-separated segments ({@code model:iris:call}). A granted {@code *}
 * segment matches any one segment ({@code model:*:call} grants {@code model:iris:call}), and
 * {@code *} alone grants everything (the seeded {@code admin} role has it).
 *
 * @param username    the user
 * @param roles       their role names
 * @param permissions every permission their roles grant, wildcards unexpanded
 * @param credential  how the request authenticated
 * @param keyId       the API key's id when {@code credential} is {@link Credential#API_KEY}, else null
 */
public record AuthPrincipal(String username, Set<String> roles, Set<String> permissions, Credential credential,
                            String keyId) implements Principal {

    public AuthPrincipal {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** The user name, or {@code alice/key:<id>} for a request made with one of alice's API keys. */
    @Override
    public String name() {
        return keyId == null ? username : username + "/key:" + keyId;
    }

    /** The user name, however the request authenticated. */
    @Override
    public String user() {
        return username;
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
        if (permission == null) {
            return false;
        }
        if (permissions.contains(permission) || permissions.contains("*")) {
            return true;
        }
        for (String granted : permissions) {
            if (matches(granted, permission)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the granted permission covers the wanted one: equal, {@code *}, or equal segment by
     * segment where the granted segment may be {@code *}.
     */
    public static boolean matches(String granted, String wanted) {
        if (granted.equals("*") || granted.equals(wanted)) {
            return true;
        }
        String[] g = granted.split(":", -1);
        String[] w = wanted.split(":", -1);
        if (g.length != w.length) {
            return false;
        }
        for (int i = 0; i < g.length; i++) {
            if (!g[i].equals("*") && !g[i].equals(w[i])) {
                return false;
            }
        }
        return true;
    }
}
