package barista.routing;

import barista.SetupException;
import barista.http.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the route for a method and path. Static paths are one hash lookup; templated paths are
 * tried in declaration order. Built once; immutable after that.
 *
 * <p>Threading: safe from any thread, including the event loop: it never blocks.
 */
public final class RouteTable {
    private final Map<String, Methods> statics = new HashMap<>();
    private final List<Methods> templated = new ArrayList<>();
    private final Map<String, Methods> byShape = new HashMap<>();
    private final List<Route> routes = new ArrayList<>();

    /** The routes at one path, by method. */
    private static final class Methods {
        final PathTemplate template;
        final EnumMap<Method, Route> routes = new EnumMap<>(Method.class);
        List<String> allow = List.of(); // what a 405 lists for this path, in Allow-header order

        Methods(PathTemplate template) {
            this.template = template;
        }
    }

    /** The result of a lookup. */
    public sealed interface Lookup {
    }

    /** A route matched; {@code values} are its path variables in template order. */
    public record Found(Route route, String[] values, boolean head) implements Lookup {
    }

    /** The path exists but not for this method. */
    public record NotAllowed(String allow) implements Lookup {
    }

    /** Nothing at this path. */
    public record NotFound() implements Lookup {
    }

    private static final NotFound NOT_FOUND = new NotFound();

    /** Adds a route; a second route with the same method and path shape is a setup error. */
    public void add(Route route) {
        PathTemplate t = route.path();
        Methods at = byShape.get(t.shape());
        if (at == null) {
            at = new Methods(t);
            byShape.put(t.shape(), at);
            if (t.isStatic()) {
                statics.put(t.text(), at);
            } else {
                templated.add(at);
            }
        } else if (!at.template.variables().equals(t.variables())) {
            throw new SetupException(route.name() + " matches the same paths as " + at.template.text()
                    + " with other variable names; use the same names");
        }
        if (at.routes.containsKey(route.method())) {
            throw new SetupException("duplicate route " + route.name());
        }
        at.routes.put(route.method(), route);
        at.allow = allowOf(at.routes);
        routes.add(route);
    }

    /** Every route, in declaration order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * Looks up a request. {@code method} may be {@code null} for a method Barista does not
     * route; {@code HEAD} falls back to the {@code GET} route.
     */
    public Lookup find(Method method, String rawPath) {
        Methods at = statics.get(rawPath);
        String[] segments = null;
        if (at == null && rawPath.indexOf('%') >= 0) {
            segments = decode(PathTemplate.segments(rawPath));
            at = statics.get(join(segments));
        }
        Route route = at == null ? null : routeFor(at, method);
        if (route != null) {
            return new Found(route, EMPTY, method == Method.HEAD && route.method() == Method.GET);
        }
        // A static path without this method does not hide a template that has it
        // (GET /items/{id} still serves /items/new when only POST /items/new exists).
        Set<String> allow = at == null ? null : new LinkedHashSet<>(at.allow);
        if (!templated.isEmpty()) {
            if (segments == null) {
                segments = decode(PathTemplate.segments(rawPath));
            }
            for (Methods m : templated) {
                String[] values = m.template.match(segments);
                if (values == null) {
                    continue;
                }
                Route r = routeFor(m, method);
                if (r != null) {
                    return new Found(r, values, method == Method.HEAD && r.method() == Method.GET);
                }
                if (allow == null) {
                    allow = new LinkedHashSet<>();
                }
                allow.addAll(m.allow);
            }
        }
        return allow == null ? NOT_FOUND : new NotAllowed(String.join(", ", allow));
    }

    private static Route routeFor(Methods at, Method method) {
        if (method == null) {
            return null;
        }
        Route r = at.routes.get(method);
        return r == null && method == Method.HEAD ? at.routes.get(Method.GET) : r;
    }

    private static final String[] EMPTY = new String[0];

    /** Decodes each segment once; {@code +} is a plus in a path, not a space. */
    private static String[] decode(String[] segments) {
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].indexOf('%') >= 0) {
                segments[i] = URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            }
        }
        return segments;
    }

    private static String join(String[] segments) {
        return segments.length == 0 ? "/" : "/" + String.join("/", segments);
    }

    private static List<String> allowOf(EnumMap<Method, Route> routes) {
        List<String> allow = new ArrayList<>();
        for (Method m : routes.keySet()) {
            allow.add(m.name());
        }
        if (routes.containsKey(Method.GET) && !routes.containsKey(Method.HEAD)) {
            allow.add("HEAD");
        }
        if (!routes.containsKey(Method.OPTIONS)) {
            allow.add("OPTIONS");
        }
        return List.copyOf(allow);
    }
}
