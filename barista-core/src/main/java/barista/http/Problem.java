package barista.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail: the body of every error response
 * ({@code application/problem+json}). A 422 also lists {@code errors}; a 500 carries the
 * {@code requestId} that the server's log line has too; {@code trace} appears only in dev mode.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String requestId, List<FieldError> errors, List<String> trace) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String detail) {
        return new Problem("about:blank", Status.reason(status), status, detail, null, null, null, null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, requestId, errors, trace);
    }

    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, instance, id, errors, trace);
    }

    /** Adds a stack trace; only ever done in dev mode. */
    public Problem withTrace(List<String> lines) {
        return new Problem(type, title, status, detail, instance, requestId, errors, lines);
    }
}
