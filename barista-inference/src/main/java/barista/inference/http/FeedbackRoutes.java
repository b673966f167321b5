package barista.inference.http;

import barista.Barista;
import barista.Response;
import barista.http.FieldError;
import barista.http.HttpError;
import barista.inference.log.PredictionLog;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * {@code POST /predictions/{requestId}/feedback}: attaches the true label to a logged
 * prediction, found by the request id its response carried in {@code X-Request-Id}. The user
 * who made the prediction may, with any of their credentials, or a principal with
 * {@code predictions:write}; for anyone else the id is unknown (404), so whether it exists
 * doesn't leak. An anonymous caller labels once (a second label is a 409): see
 * {@link PredictionLog#feedback}.
 *
 * <p>Threading: a virtual thread; the update blocks on the database.
 */
public final class FeedbackRoutes {
    /**
     * @param label the true answer, any JSON: a class name, an index, a number, an array
     */
    public record Feedback(@NotNull JsonNode label) {
    }

    private FeedbackRoutes() {
    }

    public static void install(Barista app, PredictionLog log) {
        app.post("/predictions/{requestId}/feedback", Feedback.class, (ctx, body) -> {
            String requestId = ctx.pathParam("requestId");
            if (body.label().isNull()) { // JSON null reaches a JsonNode as a NullNode, past @NotNull: the same 422
                throw new HttpError.UnprocessableContent(List.of(FieldError.of("body", "label", "must not be null",
                        "NotNull")));
            }
            if (log.feedback(requestId, body.label().toString(), ctx.principal()) == 0) {
                throw new HttpError.NotFound("no logged prediction with request id " + requestId);
            }
            return Response.noContent();
        }).summary("Attach the true label to a logged prediction").tags("predictions").status(204);
    }
}
