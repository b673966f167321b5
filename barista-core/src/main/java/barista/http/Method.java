package barista.http;

/** The HTTP methods a route can answer. */
public enum Method {
    GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS;

    /** Whether requests with this method carry a body that a typed route binds. */
    public boolean hasBody() {
        return this == POST || this == PUT || this == PATCH;
    }

    /** Parses a method token; {@code null} for one Barista does not route (e.g. TRACE). */
    public static Method parse(String token) {
        return switch (token) {
            case "GET" -> GET;
            case "POST" -> POST;
            case "PUT" -> PUT;
            case "PATCH" -> PATCH;
            case "DELETE" -> DELETE;
            case "HEAD" -> HEAD;
            case "OPTIONS" -> OPTIONS;
            default -> null;
        };
    }
}
