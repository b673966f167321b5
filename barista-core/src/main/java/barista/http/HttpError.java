package barista.http;

import barista.BaristaException;
import java.util.List;
import java.util.Map;

/**
 * Thrown by a handler to answer with a given status instead of a result. Subtypes are named
 * for the response ({@link NotFound}, {@link Conflict}, ...) so a handler reads as
 * {@code throw new NotFound("no item " + id)}. The message becomes the problem's
 * {@code detail}, so it must not carry secrets.
 */
public class HttpError extends BaristaException {
    private final int status;
    private final Map<String, String> headers;

    public HttpError(int status, String detail) {
        this(status, detail, Map.of());
    }

    public HttpError(int status, String detail, Map<String, String> headers) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an HttpError needs a 4xx or 5xx status, got " + status);
        }
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    /** Extra response headers, e.g. {@code Allow} on a 405 or {@code Retry-After} on a 429. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The problem body this error is answered with. */
    public Problem problem() {
        return Problem.of(status, getMessage());
    }

    /** Fills no stack trace: these are answers, not bugs, and they are thrown often. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    public static final class BadRequest extends HttpError {
        public BadRequest(String detail) {
            super(Status.BAD_REQUEST_400, detail);
        }
    }

    public static final class Unauthorized extends HttpError {
        public Unauthorized(String detail) {
            super(Status.UNAUTHORIZED_401, detail);
        }
    }

    public static final class Forbidden extends HttpError {
        public Forbidden(String detail) {
            super(Status.FORBIDDEN_403, detail);
        }
    }

    public static final class NotFound extends HttpError {
        public NotFound(String detail) {
            super(Status.NOT_FOUND_404, detail);
        }
    }

    public static final class MethodNotAllowed extends HttpError {
        public MethodNotAllowed(String detail, String allow) {
            super(Status.METHOD_NOT_ALLOWED_405, detail, Map.of("Allow", allow));
        }
    }

    public static final class Conflict extends HttpError {
        public Conflict(String detail) {
            super(Status.CONFLICT_409, detail);
        }
    }

    public static final class ContentTooLarge extends HttpError {
        public ContentTooLarge(String detail) {
            super(Status.CONTENT_TOO_LARGE_413, detail);
        }
    }

    public static final class UnsupportedMediaType extends HttpError {
        public UnsupportedMediaType(String detail) {
            super(Status.UNSUPPORTED_MEDIA_TYPE_415, detail);
        }
    }

    public static final class ServiceUnavailable extends HttpError {
        public ServiceUnavailable(String detail) {
            super(Status.SERVICE_UNAVAILABLE_503, detail);
        }
    }

    /**
     * 422: the request was well-formed but its values were not acceptable. Carries every
     * failing field, not just the first.
     */
    public static final class UnprocessableContent extends HttpError {
        private final List<FieldError> errors;

        public UnprocessableContent(List<FieldError> errors) {
            super(Status.UNPROCESSABLE_CONTENT_422, describe(errors));
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }

        @Override
        public Problem problem() {
            return new Problem("about:blank", Status.reason(status()), status(), getMessage(), null, null, errors, null);
        }

        /**
         * One error is spelled out ({@code limit: must be greater than or equal to 1}), so a
         * client that logs only the detail still learns what was wrong; several are counted.
         */
        private static String describe(List<FieldError> errors) {
            if (errors.size() != 1) {
                return errors.size() + " invalid values";
            }
            FieldError e = errors.getFirst();
            String field = e.location().isEmpty() ? "" : String.valueOf(e.location().getLast());
            return field.isEmpty() || e.message().startsWith(field + ":") ? e.message() : field + ": " + e.message();
        }
    }
}
