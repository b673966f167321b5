package barista.inference.batching;

/**
 * What a batcher reports as it works, for metrics. Called on the batcher's worker thread (or the
 * submitting thread, for rejections), so implementations must be quick and never block.
 */
public interface BatchObserver {
    /** A request left the queue for a batch after waiting this long. */
    void dequeued(long waitNanos);

    /** A batch of {@code requests} requests and {@code rows} rows ran in {@code nanos}. */
    void ran(int requests, int rows, long nanos, boolean failed);

    /** A request was refused: {@code queue_full}, {@code deadline} or {@code closed}. */
    void rejected(String reason);

    BatchObserver NONE = new BatchObserver() {
        @Override
        public void dequeued(long waitNanos) {
        }

        @Override
        public void ran(int requests, int rows, long nanos, boolean failed) {
        }

        @Override
        public void rejected(String reason) {
        }
    };
}
