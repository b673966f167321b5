package barista.inference;

import barista.http.HttpError;
import barista.http.Status;

/** 404: no model, or no version, by that name. The message lists what exists. */
public final class ModelNotFoundException extends HttpError {
    public ModelNotFoundException(String detail) {
        super(Status.NOT_FOUND_404, detail);
    }
}
