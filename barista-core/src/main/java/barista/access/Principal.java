package barista.access;

/**
 * Who sent a request: a signed-in user, an API key, a bearer token, or nobody. Made by the
 * app's {@link barista.spi.AccessControl}; {@link #anonymous()} when there is none or the
 * request carries no credentials.
 *
 * <p>Implementations are immutable and answer without blocking: routes on the event loop ask.
 */
public interface Principal {
    /**
     * A name for logs and the prediction log, saying how the request came: a user name,
     * {@code alice/key:<id>} for one of alice's API keys, or {@code anonymous}.
     */
    String name();

    /**
     * The user this principal acts for, for what the app keeps per user (whose notes, whose
     * orders): {@code alice} whether she signed in or sent one of her keys. By default the name.
     */
    default String user() {
        return name();
    }

    /** False only for the anonymous principal. */
    boolean authenticated();

    boolean hasRole(String role);

    /**
     * Whether this principal holds {@code permission} ({@code model:iris:call}), directly or
     * through a role; how wildcards match is the access control's rule.
     */
    boolean hasPermission(String permission);

    /** Nobody: not authenticated, no roles, no permissions. */
    static Principal anonymous() {
        return Anonymous.INSTANCE;
    }

    /** The one anonymous principal. */
    record Anonymous() implements Principal {
        private static final Anonymous INSTANCE = new Anonymous();

        @Override
        public String name() {
            return "anonymous";
        }

        @Override
        public boolean authenticated() {
            return false;
        }

        @Override
        public boolean hasRole(String role) {
            return false;
        }

        @Override
        public boolean hasPermission(String permission) {
            return false;
        }
    }
}
