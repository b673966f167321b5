package barista.inference.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import barista.demo.models.DemoModels;
import barista.http.HttpError;
import barista.inference.Prediction;
import barista.inference.runtime.OnnxRunner;
import barista.inference.tensor.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatcherTest {
    private static final float[][] ROWS = DemoModels.irisFeatures();

    private static GatedRunner iris(boolean open) {
        return new GatedRunner(OnnxRunner.load(DemoModels.irisOnnx(), "iris", 1), open);
    }

    private static Map<String, Tensor> row(int i) {
        return Map.of("input", Tensor.ofFloats(new float[][] {ROWS[i]}));
    }

    private static int status(CompletableFuture<?> f) {
        try {
            f.join();
            return 200;
        } catch (CompletionException e) {
            return ((HttpError) e.getCause()).status();
        }
    }

    @Test
    void a_batch_is_handed_out_at_once_so_what_callers_chain_can_act_on_it_together() {
        GatedRunner runner = iris(false);
        List<Integer> handedOut = new java.util.concurrent.CopyOnWriteArrayList<>();
        ThreadLocal<int[]> open = new ThreadLocal<>();
        Batcher batcher = new Batcher("iris", runner, BatchPolicy.DEFAULT.withMaxBatchSize(5), true, BatchObserver.NONE,
                answers -> {
                    int[] chained = {0};
                    open.set(chained);
                    answers.run();
                    open.remove();
                    handedOut.add(chained[0]);
                });
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // runs where the future completes: inside the hand-out, on the worker
            chains.add(batcher.submit(row(i), 1).thenAccept(outputs -> open.get()[0]++));
        }
        runner.open();

        chains.forEach(CompletableFuture::join);
        batcher.close().join(); // the last hand-out counts after its callers' chains ran: wait for the worker
        assertThat(handedOut).hasSize(runner.callRows.size()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(handedOut.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
        assertThat(handedOut).containsExactlyElementsOf(runner.callRows); // one hand-out per call, all its rows
    }

    @Test
    void concurrent_requests_share_calls_and_each_gets_its_own_rows() {
        GatedRunner runner = iris(false);
        Batcher batcher = new Batcher("iris", runner, BatchPolicy.DEFAULT.withMaxBatchSize(32), true, BatchObserver.NONE);
        List<CompletableFuture<Map<String, Tensor>>> results = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            results.add(batcher.submit(row(i), 1));
        }
        runner.open();

        int[] expected = DemoModels.irisPredictions(ROWS);
        for (int i = 0; i < 150; i++) {
            Tensor scores = results.get(i).join().get("output");
            assertThat(scores.shape()).containsExactly(1, 3);
            assertThat(Prediction.argmax(scores)[0]).as("row %d", i).isEqualTo(expected[i]);
        }
        assertThat(runner.callRows).allSatisfy(rows -> assertThat(rows).isLessThanOrEqualTo(32));
        assertThat(runner.callRows.size()).isLessThan(150 / 4);
        assertThat(runner.callRows.stream().mapToInt(Integer::intValue).sum()).isEqualTo(150);
        batcher.close().join();
    }

    @Test
    void max_batch_size_one_runs_each_request_alone() {
        GatedRunner runner = iris(true);
        Batcher batcher = new Batcher("iris", runner, BatchPolicy.DEFAULT.withMaxBatchSize(1), true, BatchObserver.NONE);
        List<CompletableFuture<Map<String, Tensor>>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(batcher.submit(row(i), 1));
        }
        results.forEach(CompletableFuture::join);

        assertThat(runner.callRows).hasSize(20).containsOnly(1);
        batcher.close().join();
    }

    @Test
    void a_full_queue_answers_429_with_retry_after() throws Exception {
        GatedRunner runner = iris(false);
        Batcher batcher = new Batcher("iris", runner, BatchPolicy.DEFAULT.withMaxQueue(2).withMaxBatchSize(1), true,
                BatchObserver.NONE);
        CompletableFuture<?> running = batcher.submit(row(0), 1);
        assertThat(runner.entered.await(5, TimeUnit.SECONDS)).isTrue(); // the worker holds the first
        CompletableFuture<?> second = batcher.submit(row(1), 1);
        CompletableFuture<?> third = batcher.submit(row(2), 1);
        CompletableFuture<?> refused = batcher.submit(row(3), 1);

        assertThat(refused).isCompletedExceptionally();
        HttpError e = (HttpError) refused.handle((v, t) -> t).join();
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.headers()).containsEntry("Retry-After", "1");
        runner.open();
        assertThat(List.of(status(running), status(second), status(third))).containsOnly(200);
        batcher.close().join();
    }

    @Test
    void a_request_past_its_deadline_is_answered_504_and_never_runs() throws Exception {
        GatedRunner runner = iris(false);
        Batcher batcher = new Batcher("iris", runner, BatchPolicy.DEFAULT.withMaxBatchSize(1), true, BatchObserver.NONE);
        CompletableFuture<?> running = batcher.submit(row(0), 1, Duration.ofSeconds(10).toNanos());
        assertThat(runner.entered.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<?> late = batcher.submit(row(1), 1, Duration.ofMillis(50).toNanos());

        assertThat(status(late)).isEqualTo(504); // answered while the worker is still busy
        assertThat(running).isNotDone();
        runner.open();
        assertThat(status(running)).isEqualTo(200);
        batcher.close().join();
        assertThat(runner.callRows).containsExactly(1); // only the first ever ran
    }

    @Test
    void a_request_left_over_from_a_full_batch_gets_its_504_while_that_batch_runs() throws Exception {
        GatedRunner runner = iris(false);
        Batcher batcher = new Batcher("iris", runner, BatchPolicy.DEFAULT.withMaxBatchSize(2)
                .withMaxQueueDelay(Duration.ofMillis(300)), true, BatchObserver.NONE);
        CompletableFuture<?> running = batcher.submit(row(0), 1, Duration.ofSeconds(10).toNanos());
        // two rows do not fit beside the first: the worker holds this one back for the next batch
        CompletableFuture<?> leftOver = batcher.submit(Map.of("input", Tensor.ofFloats(new float[][] {ROWS[1], ROWS[2]})),
                2, Duration.ofMillis(50).toNanos());
        assertThat(runner.entered.await(5, TimeUnit.SECONDS)).isTrue();

        long t0 = System.nanoTime();
        assertThat(status(leftOver)).isEqualTo(504); // while the first batch is still held
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1000);
        assertThat(running).isNotDone();
        runner.open();
        assertThat(status(running)).isEqualTo(200);
        batcher.close().join();
        assertThat(runner.callRows).containsExactly(1); // the left-over never ran
    }

    @Test
    void a_request_claimed_for_a_batch_is_not_answered_504_while_it_runs() throws Exception {
        GatedRunner runner = iris(false);
        Batcher batcher = new Batcher("iris", runner, BatchPolicy.DEFAULT, true, BatchObserver.NONE);
        CompletableFuture<?> running = batcher.submit(row(0), 1, Duration.ofMillis(30).toNanos());
        assertThat(runner.entered.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100); // well past its deadline, but it was already running
        runner.open();

        assertThat(status(running)).isEqualTo(200);
        batcher.close().join();
    }

    @Test
    void close_finishes_queued_requests_then_closes_the_runner() throws Exception {
        GatedRunner runner = iris(false);
        Batcher batcher = new Batcher("iris", runner, BatchPolicy.DEFAULT.withMaxBatchSize(1), true, BatchObserver.NONE);
        List<CompletableFuture<Map<String, Tensor>>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(batcher.submit(row(i), 1));
        }
        CompletableFuture<Void> closed = batcher.close();
        CompletableFuture<?> afterClose = batcher.submit(row(9), 1);
        assertThat(status(afterClose)).isEqualTo(503);
        assertThat(closed).isNotDone();
        runner.open();

        closed.get(5, TimeUnit.SECONDS);
        assertThat(queued).allSatisfy(f -> assertThat(status(f)).isEqualTo(200));
        assertThat(runner.closed).isTrue();
    }

    @Test
    void a_runtime_failure_fails_only_that_batch() {
        GatedRunner runner = iris(true);
        Batcher batcher = new Batcher("iris", runner, BatchPolicy.DEFAULT, true, BatchObserver.NONE);
        CompletableFuture<?> bad = batcher.submit(Map.of("input", Tensor.ofFloats(new float[] {1, 2}, 1, 2)), 1);
        CompletableFuture<?> good = batcher.submit(row(0), 1);

        assertThatThrownBy(bad::join).hasCauseInstanceOf(barista.inference.runtime.InferenceException.class);
        assertThat(status(good)).isEqualTo(200);
        batcher.close().join();
    }

    @Test
    void bad_policies_are_refused() {
        assertThatThrownBy(() -> BatchPolicy.DEFAULT.withMaxBatchSize(0)).hasMessageContaining("maxBatchSize");
        assertThatThrownBy(() -> BatchPolicy.DEFAULT.withMaxQueue(0)).hasMessageContaining("maxQueue");
        assertThatThrownBy(() -> BatchPolicy.DEFAULT.withTimeout(Duration.ZERO)).hasMessageContaining("timeout");
    }
}
