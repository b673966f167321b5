package barista.inference;

import barista.http.FieldError;
import barista.http.HttpError;
import barista.inference.tensor.JsonTensors;
import barista.inference.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a request's tensors against the version that will run them, before they are queued,
 * so a bad request costs one 422 and never reaches the runtime. Every problem is listed, each
 * located at {@code ["body", "inputs", <input>]}.
 *
 * <p>Threading: stateless; runs on the request's thread (the event loop for model routes), and
 * reads every element of float inputs once, for the NaN check.
 */
final class InputCheck {
    private InputCheck() {
    }

    /** The rows the request carries, or a 422 naming every input that does not fit. */
    static int rows(String model, ModelVersion v, Map<String, Tensor> inputs) {
        Signature sig = v.signature();
        List<FieldError> errors = new ArrayList<>();
        for (String given : inputs.keySet()) {
            if (sig.input(given) == null) {
                errors.add(error(given, "model " + model + " has no input " + given + "; its inputs are "
                        + names(sig.inputs()), "unknown_input"));
            }
        }
        int rows = -1;
        for (TensorSpec spec : sig.inputs()) {
            Tensor t = inputs.get(spec.name());
            if (t == null) {
                errors.add(error(spec.name(), "missing input " + spec + "", "missing"));
                continue;
            }
            String mismatch = spec.mismatch(t);
            if (mismatch != null) {
                errors.add(error(spec.name(), spec.name() + ": " + mismatch, t.dtype() != spec.dtype() ? "dtype" : "shape"));
                continue;
            }
            if (spec.batchable()) {
                if (t.rows() == 0) {
                    errors.add(error(spec.name(), "empty batch: send at least one row", "empty"));
                } else if (rows >= 0 && rows != t.rows()) {
                    errors.add(error(spec.name(), "has " + t.rows() + " rows but other inputs have " + rows, "rows"));
                }
                rows = Math.max(rows, t.rows());
            }
            if (t.dtype().isFloating() && !v.config().allowNonFinite()) {
                long bad = JsonTensors.firstNonFinite(t);
                if (bad >= 0) {
                    errors.add(error(spec.name(), "value " + bad + " (row-major) is " + t.getDouble(bad)
                            + "; NaN and infinities are not accepted by this model", "non_finite"));
                }
            }
        }
        int max = v.config().batching().maxBatchSize();
        if (errors.isEmpty() && sig.batchable() && rows > max) {
            errors.add(error(sig.inputs().getFirst().name(), "batch of " + rows + " rows is over this model's limit of "
                    + max + "; split it", "batch_too_large"));
        }
        if (!errors.isEmpty()) {
            throw new HttpError.UnprocessableContent(errors);
        }
        return Math.max(rows, 1);
    }

    private static FieldError error(String input, String message, String type) {
        return new FieldError(List.of("body", "inputs", input), message, type);
    }

    private static String names(List<TensorSpec> specs) {
        return specs.stream().map(TensorSpec::toString).toList().toString();
    }
}
