package barista.inference;

import barista.Barista;
import barista.RouteOptions;
import barista.SetupException;
import barista.access.Requirement;
import java.util.Locale;

/**
 * Who may call models ({@code barista.models.access}): {@code open} (the default, like a model
 * server on a private network: anyone who reaches the port), {@code authenticated} (any
 * signed-in user, API key or token), or {@code permission} (only principals holding
 * {@code model:<name>:call}, so each model can have its own callers). It holds for the model
 * routes and for a model an app's own endpoint calls with {@link Model#predict(barista.Context,
 * barista.inference.tensor.Tensor) Model.predict(ctx, ...)}. Changing models always needs
 * {@code models:manage}.
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
     * What a caller needs to call {@code model}, or null when anyone may. {@code model} is the
     * model's name, or {@code {name}} for a route whose path names it.
     */
    public Requirement toCall(String model) {
        return switch (this) {
            case OPEN -> null;
            case AUTHENTICATED -> Requirement.authenticated();
            case PERMISSION -> Requirement.permission("model:" + model + ":call");
        };
    }

    /** Guards a route that calls a model (see {@link #toCall}). */
    public RouteOptions guardCall(RouteOptions route, String model) {
        Requirement needed = toCall(model);
        return needed == null ? route : route.requires(needed);
    }

    /** Guards a route that only describes models (listings, metadata). */
    public RouteOptions guardRead(RouteOptions route) {
        return this == OPEN ? route : route.requires(Requirement.authenticated());
    }
}
