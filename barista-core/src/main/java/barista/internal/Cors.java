package barista.internal;

import barista.Config;
import barista.spi.HttpRequest;
import barista.spi.Reply;
import java.util.Locale;

/**
 * Cross-origin rules from {@link Config.Cors}: response headers for allowed origins, and the
 * answer to a preflight. Off (no work per request) when no origin is configured.
 *
 * <p>Threading: immutable; called from any request thread.
 */
final class Cors {
    private final Config.Cors rules;
    private final boolean anyOrigin;
    private final String methods;
    private final String headers;
    private final String maxAge;

    Cors(Config.Cors rules) {
        this.rules = rules;
        this.anyOrigin = rules.allowedOrigins().contains("*");
        this.methods = String.join(", ", rules.allowedMethods());
        this.headers = String.join(", ", rules.allowedHeaders());
        this.maxAge = Long.toString(rules.maxAge().toSeconds());
    }

    boolean enabled() {
        return rules.enabled();
    }

    boolean allows(String origin) {
        return origin != null && (anyOrigin || rules.allowedOrigins().contains(origin));
    }

    static boolean isPreflight(HttpRequest r) {
        return "OPTIONS".equals(r.method()) && r.header("Origin") != null
                && r.header("Access-Control-Request-Method") != null;
    }

    /**
     * Headers for an actual (non-preflight) cross-origin response. {@code Vary: Origin} goes on
     * every response whose headers depend on the origin, so a shared cache never hands one
     * origin's answer to another.
     */
    void decorate(HttpRequest request, Reply reply) {
        boolean echoesOrigin = !anyOrigin || rules.allowCredentials();
        if (echoesOrigin) {
            reply.header("Vary", "Origin");
        }
        String origin = request.header("Origin");
        if (!allows(origin)) {
            return;
        }
        reply.header("Access-Control-Allow-Origin", echoesOrigin ? origin : "*");
        reply.header("Access-Control-Expose-Headers", "X-Request-Id");
        if (rules.allowCredentials()) {
            reply.header("Access-Control-Allow-Credentials", "true");
        }
    }

    /** The preflight answer, or {@code null} when origin or method is not allowed (then 403). */
    Reply preflight(HttpRequest request) {
        String origin = request.header("Origin");
        String method = request.header("Access-Control-Request-Method").trim().toUpperCase(Locale.ROOT);
        if (!allows(origin) || !rules.allowedMethods().contains(method)) {
            return null;
        }
        Reply reply = new Reply(204)
                .header("Access-Control-Allow-Methods", methods)
                .header("Access-Control-Allow-Headers", headers)
                .header("Access-Control-Max-Age", maxAge);
        decorate(request, reply);
        return reply;
    }
}
