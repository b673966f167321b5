package barista;

import barista.access.Principal;
import barista.access.Requirement;
import barista.binding.BodyModel;
import barista.binding.ParamsModel;
import barista.http.FieldError;
import barista.http.HttpError;
import barista.http.Status;
import barista.routing.Route;
import barista.spi.AccessControl;
import barista.spi.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request and the response being prepared for it: what a handler reads (path variables,
 * query, headers, cookies, body) and the little it may set (status, headers). Passed to the
 * handler; never found through a static or a thread-local.
 *
 * <p>Threading: belongs to one request and is used by one thread at a time.
 */
public final class Context implements ParamsModel.Source {
    private static final Map<Class<?>, BodyModel> BODY_MODELS = new ConcurrentHashMap<>();

    private final HttpRequest request;
    private final Route route;
    private final String[] pathValues;
    private final String requestId;
    private final AccessControl accessControl;
    private Principal principal;
    private Map<String, List<String>> query;
    private Map<String, List<String>> form;
    private Map<String, String> cookies;
    private int status;
    private List<String> responseHeaders;

    /** Created by the dispatcher for each request; not for user code. */
    public Context(HttpRequest request, Route route, String[] pathValues, String requestId) {
        this(request, route, pathValues, requestId, null);
    }

    /** Created by the dispatcher for each request; not for user code. */
    public Context(HttpRequest request, Route route, String[] pathValues, String requestId,
                   AccessControl accessControl) {
        this.request = request;
        this.route = route;
        this.pathValues = pathValues;
        this.requestId = requestId;
        this.accessControl = accessControl;
        this.status = route == null ? 200 : route.status();
    }

    /** The method as sent ({@code GET}). */
    public String method() {
        return request.method();
    }

    /** The request path, without the query string. */
    public String path() {
        return request.path();
    }

    /** The matched route, for its name and documentation. */
    public Route route() {
        return route;
    }

    /** This request's id: the client's {@code X-Request-Id}, or one Barista made. In every log line. */
    public String requestId() {
        return requestId;
    }

    /**
     * A path variable's value, percent-decoded (the router decodes once, so {@code 50%25} is
     * {@code 50%}), or {@code null} if the route has no such variable.
     */
    @Override
    public String pathParam(String name) {
        List<String> names = route.path().variables();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                return pathValues[i];
            }
        }
        return null;
    }

    /** The first value of a query parameter, or {@code null}. */
    public String query(String name) {
        List<String> all = queryParams().get(name);
        return all == null ? null : all.get(0);
    }

    /** Every value of a query parameter; empty when absent. */
    @Override
    public List<String> queryAll(String name) {
        return queryParams().getOrDefault(name, List.of());
    }

    /** The whole query string, decoded, by name. */
    public Map<String, List<String>> queryParams() {
        if (query == null) {
            query = parseQuery(request.rawQuery());
        }
        return query;
    }

    /** The first value of a request header (case-insensitive), or {@code null}. */
    @Override
    public String header(String name) {
        return request.header(name);
    }

    /**
     * Every line of a request header (case-insensitive), in the order they came; empty if none.
     * For headers that proxies add a line to rather than append to, such as
     * {@code X-Forwarded-For} behind some of them, where the last line is the nearest proxy's.
     */
    public java.util.List<String> headers(String name) {
        return request.headers(name);
    }

    /** A cookie's value, or {@code null}. */
    @Override
    public String cookie(String name) {
        if (cookies == null) {
            cookies = parseCookies(request.headers("Cookie"));
        }
        return cookies.get(name);
    }

    /**
     * Who sent this request, as the app's access control tells from its credentials; anonymous
     * when the app has none or the request carries none. Asked once per request, then kept.
     *
     * @throws HttpError.Unauthorized for credentials that are present but wrong
     */
    public Principal principal() {
        if (principal == null) {
            principal = accessControl == null ? Principal.anonymous() : accessControl.authenticate(this);
        }
        return principal;
    }

    /**
     * Throws unless this request's principal meets {@code requirement}: the same 401 (nobody
     * signed in) or 403 (naming only what is missing) that a route's {@link RouteOptions#requires}
     * gives, for a check the handler makes itself, such as one that depends on the body.
     *
     * <pre>{@code
     * if (report.shared()) ctx.require(Requirement.permission("reports:read"));
     * }</pre>
     */
    public void require(Requirement requirement) {
        Principal who = principal();
        if (requirement.isMetBy(who, this)) {
            return;
        }
        if (!who.authenticated()) {
            throw new HttpError(Status.UNAUTHORIZED_401, "authentication required", Map.of("WWW-Authenticate", "Bearer"));
        }
        String missing = requirement instanceof Requirement.Permission p ? "permission " + p.resolve(this)
                : requirement.toString();
        throw new HttpError.Forbidden("not allowed: requires " + missing);
    }

    /** The value of an HTML form field ({@code application/x-www-form-urlencoded} body), or {@code null}. */
    public String formValue(String name) {
        List<String> all = form().get(name);
        return all == null ? null : all.get(0);
    }

    /**
     * The HTML form fields of an {@code application/x-www-form-urlencoded} body, by name; empty
     * when there is no body. Another content type is a 415.
     */
    public Map<String, List<String>> form() {
        if (form == null) {
            byte[] body = request.body();
            if (body.length == 0) {
                form = Map.of();
            } else {
                String type = request.header("Content-Type");
                if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                    throw new HttpError.UnsupportedMediaType("expected an application/x-www-form-urlencoded form, got " + type);
                }
                form = parseQuery(new String(body, StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /**
     * The peer's address ({@code 203.0.113.7:51234}): the client, or the last proxy in front of
     * it. For the client behind a proxy, read the header the proxy you trust sets.
     */
    public String remoteAddress() {
        return request.remoteAddress();
    }

    /** The raw body; empty when there is none. */
    public byte[] body() {
        return request.body();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    /**
     * The JSON body read into a type and validated, for handlers in the quick style: the same
     * rules as a typed route (415 for a non-JSON type, 400 for bad JSON, 422 listing each value
     * that doesn't fit).
     */
    public <T> T body(Class<T> type) {
        BodyModel model = BODY_MODELS.computeIfAbsent(type, BodyModel::of);
        List<FieldError> errors = new ArrayList<>();
        Object value = model.read(request.header("Content-Type"), request.body(), errors);
        if (!errors.isEmpty()) {
            throw new HttpError.UnprocessableContent(errors);
        }
        return type.cast(value);
    }

    /** Sets the response status for a result that isn't a {@link Response}. */
    public Context status(int code) {
        this.status = code;
        return this;
    }

    /** The response status as it stands. */
    public int status() {
        return status;
    }

    /** Adds a response header. */
    public Context header(String name, String value) {
        if (responseHeaders == null) {
            responseHeaders = new ArrayList<>(4);
        }
        responseHeaders.add(name);
        responseHeaders.add(value);
        return this;
    }

    /** Response headers set so far, as name/value pairs; for the dispatcher. */
    public List<String> responseHeaders() {
        return responseHeaders == null ? List.of() : responseHeaders;
    }

    /** Parses {@code a=1&b=x+y&a=2}; a malformed percent-escape is a 400. */
    static Map<String, List<String>> parseQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new HashMap<>();
        int start = 0;
        while (start <= raw.length()) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? raw.length() : amp;
            if (end > start) {
                int eq = raw.indexOf('=', start);
                String key;
                String value;
                if (eq < 0 || eq > end) {
                    key = decode(raw.substring(start, end));
                    value = "";
                } else {
                    key = decode(raw.substring(start, eq));
                    value = decode(raw.substring(eq + 1, end));
                }
                out.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return out;
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpError.BadRequest("malformed query string: bad percent-escape in '" + s + "'");
        }
    }

    private static Map<String, String> parseCookies(List<String> headers) {
        if (headers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String value = pair.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    out.putIfAbsent(pair.substring(0, eq).trim(), value);
                }
            }
        }
        return out;
    }
}
