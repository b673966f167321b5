package barista.inference;

import barista.inference.runtime.Runner;
import barista.inference.tensor.JsonTensors;
import barista.inference.tensor.Tensor;
import barista.inference.tensor.TensorFormatException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a version a few times before it serves, so the first real requests do not pay for the
 * runtime's lazy set-up (allocations, kernel choice, JIT of the Java side). Uses the config's
 * warm-up inputs, else zeros with every open dimension 1; then, for a batchable model, once at
 * the largest batch so that size's buffers exist too.
 *
 * <p>Threading: runs on the registry's loader thread and blocks for the runs.
 */
final class Warmup {
    private static final int RUNS = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Warmup() {
    }

    /** Runs the warm-up; stops early, with an exception, once {@code stopping} says the app is closing. */
    static void run(ModelVersion v, Runner runner, java.util.function.BooleanSupplier stopping) {
        Map<String, Tensor> inputs = inputs(v, runner.signature());
        for (int i = 0; i < RUNS; i++) {
            if (stopping.getAsBoolean()) {
                throw new IllegalStateException("the app is stopping");
            }
            runner.run(inputs);
        }
        int max = v.config().batching().maxBatchSize();
        if (runner.signature().batchable() && max > 1) {
            Map<String, Tensor> big = new HashMap<>();
            for (TensorSpec spec : runner.signature().inputs()) {
                long[] shape = openAsOne(spec.shape());
                shape[0] = max;
                big.put(spec.name(), Tensor.zeros(spec.dtype(), shape));
            }
            runner.run(big);
        }
    }

    private static Map<String, Tensor> inputs(ModelVersion v, Signature sig) {
        JsonNode given = v.config().warmup();
        Map<String, Tensor> inputs = new HashMap<>();
        if (given == null || given.get("input") == null && given.get("inputs") == null) {
            for (TensorSpec spec : sig.inputs()) {
                inputs.put(spec.name(), Tensor.zeros(spec.dtype(), openAsOne(spec.shape())));
            }
            return inputs;
        }
        JsonNode node = given.has("inputs") ? given.get("inputs") : given.get("input");
        if (node.isObject()) {
            for (TensorSpec spec : sig.inputs()) {
                JsonNode one = node.get(spec.name());
                if (one == null) {
                    throw new IllegalArgumentException("warm-up inputs lack " + spec.name());
                }
                inputs.put(spec.name(), parse(one, spec));
            }
        } else {
            if (sig.inputs().size() != 1) {
                throw new IllegalArgumentException("warm-up input must name each of the model's inputs");
            }
            TensorSpec spec = sig.inputs().getFirst();
            inputs.put(spec.name(), parse(node, spec));
        }
        for (TensorSpec spec : sig.inputs()) {
            String mismatch = spec.mismatch(inputs.get(spec.name()));
            if (mismatch != null) {
                throw new IllegalArgumentException("warm-up input " + spec.name() + ": " + mismatch);
            }
        }
        return inputs;
    }

    private static Tensor parse(JsonNode node, TensorSpec spec) {
        try (JsonParser p = MAPPER.treeAsTokens(node)) {
            p.nextToken();
            return JsonTensors.readNested(p, spec.dtype(), "warmup." + spec.name());
        } catch (IOException | TensorFormatException e) {
            throw new IllegalArgumentException("warm-up input " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    private static long[] openAsOne(long[] shape) {
        long[] s = shape.clone();
        for (int i = 0; i < s.length; i++) {
            if (s[i] < 0) {
                s[i] = 1;
            }
        }
        return s;
    }
}
