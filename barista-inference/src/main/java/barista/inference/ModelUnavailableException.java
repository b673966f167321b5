package barista.inference;

import barista.http.HttpError;
import barista.http.Status;
import java.util.Map;

/** 503: the model exists but nothing of it can serve right now (loading, or every load failed). */
public final class ModelUnavailableException extends HttpError {
    public ModelUnavailableException(String detail) {
        super(Status.SERVICE_UNAVAILABLE_503, detail, Map.of("Retry-After", "1"));
    }
}
