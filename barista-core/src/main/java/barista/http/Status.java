package barista.http;

/**
 * Status codes Barista uses, each constant carrying its code in its name so a reader never has
 * to remember what 422 means.
 */
public final class Status {
    public static final int OK_200 = 200;
    public static final int CREATED_201 = 201;
    public static final int NO_CONTENT_204 = 204;
    public static final int BAD_REQUEST_400 = 400;
    public static final int UNAUTHORIZED_401 = 401;
    public static final int FORBIDDEN_403 = 403;
    public static final int NOT_FOUND_404 = 404;
    public static final int METHOD_NOT_ALLOWED_405 = 405;
    public static final int CONFLICT_409 = 409;
    public static final int CONTENT_TOO_LARGE_413 = 413;
    public static final int UNSUPPORTED_MEDIA_TYPE_415 = 415;
    public static final int UNPROCESSABLE_CONTENT_422 = 422;
    public static final int TOO_MANY_REQUESTS_429 = 429;
    public static final int INTERNAL_SERVER_ERROR_500 = 500;
    public static final int SERVICE_UNAVAILABLE_503 = 503;
    public static final int GATEWAY_TIMEOUT_504 = 504;

    private Status() {
    }

    /** The standard reason phrase, used as a problem's {@code title}. */
    public static String reason(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> code < 400 ? "Success" : code < 500 ? "Client Error" : "Server Error";
        };
    }
}
