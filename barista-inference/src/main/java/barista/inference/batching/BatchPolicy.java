package barista.inference.batching;

import java.time.Duration;

/**
 * How a model's requests are grouped: up to {@code maxBatchSize} rows per call, waiting at most
 * {@code maxQueueDelay} after the first request for others to join; at most {@code maxQueue}
 * requests waiting (the rest get 429); each request answered 504 if it has not started within
 * {@code timeout}. {@code maxBatchSize} 1 turns batching off: each request runs alone.
 */
public record BatchPolicy(int maxBatchSize, Duration maxQueueDelay, int maxQueue, Duration timeout, int workers) {
    /** Sized for small models on a small machine; every value can be set per model. */
    public static final BatchPolicy DEFAULT = new BatchPolicy(64, Duration.ofNanos(500_000), 2048, Duration.ofSeconds(1), 1);

    public BatchPolicy {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, got " + maxBatchSize);
        }
        if (maxQueueDelay.isNegative()) {
            throw new IllegalArgumentException("maxQueueDelay must not be negative, got " + maxQueueDelay);
        }
        if (maxQueue < 1) {
            throw new IllegalArgumentException("maxQueue must be at least 1, got " + maxQueue);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
    }

    public BatchPolicy withMaxBatchSize(int size) {
        return new BatchPolicy(size, maxQueueDelay, maxQueue, timeout, workers);
    }

    public BatchPolicy withMaxQueueDelay(Duration delay) {
        return new BatchPolicy(maxBatchSize, delay, maxQueue, timeout, workers);
    }

    public BatchPolicy withMaxQueue(int size) {
        return new BatchPolicy(maxBatchSize, maxQueueDelay, size, timeout, workers);
    }

    public BatchPolicy withTimeout(Duration t) {
        return new BatchPolicy(maxBatchSize, maxQueueDelay, maxQueue, t, workers);
    }

    public BatchPolicy withWorkers(int n) {
        return new BatchPolicy(maxBatchSize, maxQueueDelay, maxQueue, timeout, n);
    }
}
