package barista.admin;

/**
 * The permissions the admin asks for. The {@code admin} role holds {@code *}, which the access
 * control matches against each of them.
 */
final class Permissions {
    static final String USERS_MANAGE = "users:manage";
    static final String MODELS_MANAGE = "models:manage";
    static final String PREDICTIONS_READ = "predictions:read";

    private Permissions() {
    }
}
