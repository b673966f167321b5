package barista.inference.http;

import barista.Barista;
import barista.RouteOptions;
import barista.SetupException;
import barista.access.Requirement;
import java.util.Locale;

/**
 * Who may call models ({@code barista.models.access}): {@code open} (the default, like a model
 * server on a private network: anyone who reaches the port), {@code authenticated} (any
 * signed-in user, API key or token), or {@code permission} (only principals holding
 * {@code model:<name>:call}, so each model can have its own callers). Changing models always
 * needs {@code models:manage}.
 */
public enum ModelAccess {
    OPEN, AUTHENTICATED, PERMISSION;

    /** The permission to change what serves. */
    public static final String MANAGE = "models:manage";

    public static ModelAccess of(Barista app) {
        String text = app.config().property("barista.models.access", "open");
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SetupException("barista.models.access must be open, authenticated or permission, got '" + text + "'");
        }
    }

    /**
     * Guards a route that calls a model. {@code model} is the model's name, or {@code {name}}
     * for a route whose path names it.
     */
    RouteOptions guardCall(RouteOptions route, String model) {
        return switch (this) {
            case OPEN -> route;
            case AUTHENTICATED -> route.requires(Requirement.authenticated());
            case PERMISSION -> route.requires(Requirement.permission("model:" + model + ":call"));
        };
    }

    /** Guards a route that only describes models (listings, metadata). */
    RouteOptions guardRead(RouteOptions route) {
        return this == OPEN ? route : route.requires(Requirement.authenticated());
    }
}
