package barista.inference.log;

import java.time.Instant;

/**
 * One prediction as the log holds it.
 *
 * @param id            the log's sequence number; newer entries have larger ids
 * @param requestId     the request that asked for it ({@code X-Request-Id})
 * @param model         model name
 * @param version       the version that answered
 * @param time          when the prediction finished
 * @param latencyMicros from the call to the model's answer, queueing included
 * @param principal     who asked: a user name, {@code user/key:<id>}, or {@code anonymous}
 * @param input         the inputs as JSON: {@code {"input": [[5.1, 3.5, 1.4, 0.2]]}}
 * @param output        the outputs as JSON, in the same shape
 * @param feedback      the true label attached later, as JSON, or {@code null}
 * @param feedbackTime  when the feedback was attached, or {@code null}
 * @param feedbackBy    who attached it (a principal's name, as {@code principal}), or {@code null}
 */
public record LoggedPrediction(long id, String requestId, String model, String version, Instant time,
                               long latencyMicros, String principal, String input, String output, String feedback,
                               Instant feedbackTime, String feedbackBy) {
}
