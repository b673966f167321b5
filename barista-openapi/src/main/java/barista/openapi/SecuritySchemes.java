package barista.openapi;

import barista.access.Requirement;
import barista.http.Method;
import barista.http.Problem;
import barista.routing.Route;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How routes that declare {@link Requirement}s appear in the document: the security schemes a
 * caller can use (which Swagger UI's Authorize button offers), each such operation's
 * {@code security} alternatives, and its 401 and 403 problem responses.
 *
 * <p>The schemes describe the conventions of {@code barista-auth}, the access control Barista
 * ships, without depending on it: this module reads only core's route model. The names below
 * must follow that module ({@code AuthAccessControl}, {@code ApiKeys}, {@code Sessions},
 * {@code AuthRoutes}); the OAuth2 password flow is offered only when the app has the token route
 * it points at.
 */
final class SecuritySchemes {
    /** Scheme: an API key ({@code bk_...}) in header {@link #API_KEY_HEADER}. */
    static final String API_KEY = "apiKey";
    /** Scheme: {@code Authorization: Bearer}, carrying a JWT or an API key. */
    static final String BEARER = "bearer";
    /** Scheme: the OAuth2 password grant at {@link #TOKEN_PATH}, yielding a bearer JWT. */
    static final String OAUTH2 = "oauth2";
    /** Scheme: the browser session cookie {@link #SESSION_COOKIE}. */
    static final String SESSION = "session";

    /** barista-auth's API key header. */
    static final String API_KEY_HEADER = "X-API-Key";
    /** The prefix of every barista-auth API key. */
    static final String API_KEY_PREFIX = "bk_";
    /** barista-auth's session cookie, set by {@code POST /auth/login}. */
    static final String SESSION_COOKIE = "barista_session";
    /** The header a session-authenticated unsafe request must echo its CSRF token in. */
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** barista-auth's token endpoint: OAuth2 password grant, form or JSON, answering a JWT. */
    static final String TOKEN_PATH = "/auth/token";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<Method> UNSAFE = Set.of(Method.POST, Method.PUT, Method.PATCH, Method.DELETE);

    private final boolean oauth2;

    private SecuritySchemes(boolean oauth2) {
        this.oauth2 = oauth2;
    }

    /**
     * The schemes for these routes, or {@code null} when no documented route declares a
     * requirement (the document then has no security at all).
     */
    static SecuritySchemes of(List<Route> routes) {
        boolean any = routes.stream().anyMatch(r -> !r.hidden() && !r.requires().isEmpty());
        if (!any) {
            return null;
        }
        // Hidden or not: a token route works for Swagger UI either way.
        boolean token = routes.stream().anyMatch(r -> r.method() == Method.POST && TOKEN_PATH.equals(r.path().text()));
        return new SecuritySchemes(token);
    }

    /** {@code components.securitySchemes}. */
    ObjectNode components() {
        ObjectNode schemes = JSON.objectNode();
        schemes.putObject(API_KEY)
                .put("type", "apiKey").put("in", "header").put("name", API_KEY_HEADER)
                .put("description", "An API key (`" + API_KEY_PREFIX + "...`) in the `" + API_KEY_HEADER + "` header.");
        schemes.putObject(BEARER)
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "`Authorization: Bearer <token>` with a JWT"
                        + (oauth2 ? " from `POST " + TOKEN_PATH + "`" : "")
                        + ". API keys (`" + API_KEY_PREFIX + "...`) work here too.");
        if (oauth2) {
            ObjectNode flow = schemes.putObject(OAUTH2)
                    .put("type", "oauth2")
                    .put("description", "Sign in with a user name and password: the password grant at `"
                            + TOKEN_PATH + "` answers a JWT, then sent as a bearer token.")
                    .putObject("flows").putObject("password").put("tokenUrl", TOKEN_PATH);
            flow.putObject("scopes");
        }
        schemes.putObject(SESSION)
                .put("type", "apiKey").put("in", "cookie").put("name", SESSION_COOKIE)
                .put("description", "The browser session cookie set by `POST /auth/login`. Unsafe methods must also"
                        + " send the login's CSRF token in `" + CSRF_HEADER + "`.");
        return schemes;
    }

    /** An operation's {@code security}: any one of the schemes, none with scopes. */
    ArrayNode security() {
        ArrayNode alternatives = JSON.arrayNode();
        alternatives.addObject().putArray(API_KEY);
        alternatives.addObject().putArray(BEARER);
        if (oauth2) {
            alternatives.addObject().putArray(OAUTH2);
        }
        alternatives.addObject().putArray(SESSION);
        return alternatives;
    }

    /**
     * The 401 and 403 answers of a route with requirements, as core's access check writes them.
     * 403 is documented when it can happen: a role or permission the principal may lack, or an
     * unsafe method, which a session cookie must back with its CSRF token.
     */
    static void addResponses(ObjectNode responses, Route route) {
        String requires = "Requires " + describe(route.requires());
        ObjectNode unauthorized = problem(responses, "401",
                "Not authenticated. " + requires + ". Send an API key, a bearer token or the session cookie.");
        unauthorized.putObject("headers").putObject("WWW-Authenticate")
                .put("description", "`Bearer`, the scheme to authenticate with.")
                .putObject("schema").put("type", "string");
        boolean lacking = route.requires().stream().anyMatch(r -> !(r instanceof Requirement.Authenticated));
        boolean unsafe = UNSAFE.contains(route.method());
        if (lacking || unsafe) {
            String forbidden = lacking ? requires + ", which the caller lacks." : "";
            if (unsafe) {
                forbidden += (lacking ? " Or a" : "A") + " session-authenticated request without its `" + CSRF_HEADER
                        + "`.";
            }
            problem(responses, "403", forbidden);
        }
    }

    /**
     * What a route requires, for people: {@code role admin and permission model:{name}:call}, or
     * {@code authentication} when any signed-in caller will do. Every role or permission implies
     * authentication, so it is named only on its own.
     */
    static String describe(List<Requirement> requires) {
        String named = requires.stream().filter(r -> !(r instanceof Requirement.Authenticated))
                .map(Requirement::toString).distinct().collect(Collectors.joining(" and "));
        return named.isEmpty() ? "authentication" : named;
    }

    private static ObjectNode problem(ObjectNode responses, String code, String description) {
        ObjectNode response = responses.putObject(code).put("description", description);
        response.putObject("content").putObject(Problem.MEDIA_TYPE)
                .set("schema", ProblemSchemas.ref(ProblemSchemas.PROBLEM));
        return response;
    }
}
