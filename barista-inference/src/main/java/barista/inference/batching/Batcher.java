package barista.inference.batching;

import barista.inference.runtime.Runner;
import barista.inference.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Dynamic micro-batching for one model version: requests wait in a bounded queue, a worker
 * takes the oldest, gathers more for up to {@link BatchPolicy#maxQueueDelay()} or until
 * {@link BatchPolicy#maxBatchSize()} rows, stacks their inputs along dimension 0, makes one call
 * to the runner, and hands each request its own rows of the outputs.
 *
 * <p>Every request ends exactly one way: run, refused up front (queue full: 429), dropped at its
 * deadline before it started (504 within a {@link Deadlines} tick, 10 ms, of the deadline, and
 * it never runs), or refused because the version stopped serving (503). A request claimed for a
 * batch is never answered 504, even if its deadline passes while the batch runs.
 *
 * <p>Threading: {@link #submit} never blocks and may be called from any thread, an event loop
 * included. Workers are platform threads owned by this batcher; results complete on them, a 504
 * on the deadlines thread or a worker, a 429 or 503 up front on the caller's thread. Whatever a
 * caller chains on a future runs there too and should be quick.
 */
public final class Batcher {
    private final String name;
    private final Runner runner;
    private final BatchPolicy policy;
    private final BatchObserver observer;
    private final Consumer<Runnable> handOut;
    private final boolean stackable;
    private final BlockingQueue<Pending> queue;
    private final AtomicInteger running;
    /** Requests a worker took from the queue that did not fit its batch: they start the next one. */
    private final Set<Pending> carried = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean closing;

    /**
     * Starts the workers. {@code stackable} says whether requests may share a call (the model's
     * inputs and outputs all have an open first dimension); if not, each runs alone.
     */
    public Batcher(String name, Runner runner, BatchPolicy policy, boolean stackable, BatchObserver observer) {
        this(name, runner, policy, stackable, observer, Runnable::run);
    }

    /**
     * As {@link #Batcher(String, Runner, BatchPolicy, boolean, BatchObserver)}, with
     * {@code handOut} running the completion of each batch's requests: a way for what the
     * callers chain on their futures to act on the batch as a whole. The prediction log uses it
     * to commit a batch's entries together ({@code PredictionLog.together}); otherwise its
     * writer woke at the first entry and committed it alone while the others were still being
     * made. {@code handOut} must run the completion exactly once, on the calling thread; requests
     * it leaves unanswered fail.
     */
    public Batcher(String name, Runner runner, BatchPolicy policy, boolean stackable, BatchObserver observer,
                   Consumer<Runnable> handOut) {
        this.name = name;
        this.handOut = handOut;
        this.runner = runner;
        this.policy = policy;
        this.stackable = stackable;
        this.observer = observer;
        this.queue = new ArrayBlockingQueue<>(policy.maxQueue());
        this.running = new AtomicInteger(policy.workers());
        Deadlines.watch(this);
        for (int i = 0; i < policy.workers(); i++) {
            Thread.ofPlatform().daemon().name("barista-model-" + name.replace(" v", "-") + (policy.workers() > 1 ? "-" + i : ""))
                    .start(this::work);
        }
    }

    public BatchPolicy policy() {
        return policy;
    }

    /** Requests waiting now. */
    public int queued() {
        return queue.size();
    }

    /**
     * Queues a request of {@code rows} rows. The future completes with this request's outputs,
     * or exceptionally with the {@link Rejection} that answers it.
     */
    public CompletableFuture<Map<String, Tensor>> submit(Map<String, Tensor> inputs, int rows) {
        return submit(inputs, rows, policy.timeout().toNanos());
    }

    /** As {@link #submit(Map, int)}, with this request's own deadline from now. */
    public CompletableFuture<Map<String, Tensor>> submit(Map<String, Tensor> inputs, int rows, long timeoutNanos) {
        return submit(inputs, rows, timeoutNanos, new CompletableFuture<>());
    }

    /**
     * As {@link #submit(Map, int, long)}, completing {@code result} and returning it. Attach the
     * continuations first: then they run in the batch's hand-out even when the batch runs, on
     * another core, before this call returns; attached afterwards, they would run on the caller.
     */
    public CompletableFuture<Map<String, Tensor>> submit(Map<String, Tensor> inputs, int rows, long timeoutNanos,
                                                         CompletableFuture<Map<String, Tensor>> result) {
        if (closing) {
            observer.rejected("closed");
            result.completeExceptionally(Rejection.closed(name));
            return result;
        }
        Pending p = new Pending(inputs, rows, System.nanoTime(), timeoutNanos, result);
        if (!queue.offer(p)) {
            p.expire();
            observer.rejected("queue_full");
            result.completeExceptionally(Rejection.queueFull(name, policy.maxQueue()));
            return result;
        }
        if (closing && queue.remove(p) && p.expire()) {
            // lost a race with close(): the workers may already have drained and left
            observer.rejected("closed");
            result.completeExceptionally(Rejection.closed(name));
        }
        return result;
    }

    /** Answers 504 to each waiting request whose deadline is before {@code now} (the {@link Deadlines} thread). */
    void expireDue(long now) {
        if (!queue.isEmpty()) {
            for (Object p : queue.toArray()) { // one pass under the queue's lock; one queued after waits a tick
                ((Pending) p).expireIfDue(now, true);
            }
        }
        for (Pending p : carried) {
            p.expireIfDue(now, false);
        }
    }

    /** Whether this batcher has stopped taking requests (its version was unloaded or replaced). */
    public boolean closing() {
        return closing;
    }

    /**
     * Stops taking requests, runs those already queued, then closes the runner. The future
     * completes once the runner is closed. In-flight requests are never dropped by a swap.
     */
    public CompletableFuture<Void> close() {
        closing = true;
        return closed;
    }

    // ---------------------------------------------------------------- worker

    private void work() {
        List<Pending> batch = new ArrayList<>();
        Pending carry = null;
        try {
            while (true) {
                Pending first = carry != null ? carry : next();
                if (carry != null) {
                    carried.remove(carry);
                }
                carry = null;
                if (first == null) {
                    return; // closing and drained
                }
                if (!first.claim(System.nanoTime())) {
                    continue; // its deadline passed while it waited
                }
                batch.add(first);
                int rows = first.rows;
                if (stackable) {
                    long until = first.enqueued + policy.maxQueueDelay().toNanos();
                    while (rows < policy.maxBatchSize()) {
                        Pending more = queue.poll();
                        if (more == null) {
                            long wait = until - System.nanoTime();
                            if (wait <= 0 || closing) {
                                break;
                            }
                            more = queue.poll(wait, TimeUnit.NANOSECONDS);
                            if (more == null) {
                                break;
                            }
                        }
                        if (rows + more.rows > policy.maxBatchSize()) {
                            carry = more; // starts the next batch; until then the deadlines thread sees it here
                            carried.add(more);
                            break;
                        }
                        if (more.claim(System.nanoTime())) {
                            batch.add(more);
                            rows += more.rows;
                        }
                    }
                }
                long now = System.nanoTime();
                for (Pending p : batch) {
                    observer.dequeued(now - p.enqueued);
                }
                try {
                    runBatch(batch, rows);
                } catch (Throwable t) {
                    // never leave a claimed request without an answer, whatever failed
                    for (Pending p : batch) {
                        p.result.completeExceptionally(t);
                    }
                    if (t instanceof Error) {
                        throw t;
                    }
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closing = true; // a worker that leaves for any reason takes the batcher down with it, visibly
            if (carry != null) {
                carried.remove(carry);
                if (carry.expire()) {
                    carry.result.completeExceptionally(Rejection.closed(name));
                }
            }
            if (running.decrementAndGet() == 0) {
                Deadlines.unwatch(this);
                failLeftovers();
                try {
                    runner.close();
                } finally {
                    closed.complete(null);
                }
            }
        }
    }

    /** The next request, or null once closing and nothing is left. */
    private Pending next() throws InterruptedException {
        while (true) {
            Pending p = queue.poll(100, TimeUnit.MILLISECONDS);
            if (p != null || closing && queue.isEmpty()) {
                return p;
            }
        }
    }

    private void failLeftovers() {
        for (Pending p; (p = queue.poll()) != null; ) {
            if (p.expire()) {
                observer.rejected("closed");
                p.result.completeExceptionally(Rejection.closed(name));
            }
        }
    }

    private void runBatch(List<Pending> batch, int rows) {
        long start = System.nanoTime();
        Map<String, Tensor> inputs;
        if (batch.size() == 1) {
            inputs = batch.getFirst().inputs;
        } else {
            try {
                inputs = stack(batch);
            } catch (IllegalArgumentException mismatched) {
                // requests whose shapes cannot stack (callers that skipped the checks) run alone,
                // so one bad request cannot fail the others
                for (Pending p : batch) {
                    runBatch(List.of(p), p.rows);
                }
                return;
            }
        }
        Map<String, Tensor> outputs;
        try {
            outputs = runner.run(inputs);
        } catch (RuntimeException t) {
            observer.ran(batch.size(), rows, System.nanoTime() - start, true);
            if (batch.size() > 1) {
                // one request's values can fail a whole call (an index out of range): run each
                // alone, so only the culprit fails
                for (Pending p : batch) {
                    runBatch(List.of(p), p.rows);
                }
                return;
            }
            batch.getFirst().result.completeExceptionally(t);
            return;
        }
        observer.ran(batch.size(), rows, System.nanoTime() - start, false);
        handOut.accept(() -> answer(batch, rows, outputs));
        for (Pending p : batch) { // a hand-out that skipped its completion must not leave callers waiting forever
            if (!p.result.isDone()) {
                p.result.completeExceptionally(new IllegalStateException("model " + name
                        + ": the batch's hand-out did not answer this request"));
            }
        }
    }

    /** Completes each request of a batch that ran with its own rows of {@code outputs}. */
    private void answer(List<Pending> batch, int rows, Map<String, Tensor> outputs) {
        if (batch.size() == 1) {
            batch.getFirst().result.complete(outputs);
            return;
        }
        int offset = 0;
        for (Pending p : batch) {
            Map<String, Tensor> own = new LinkedHashMap<>(outputs.size() * 2);
            try {
                for (Map.Entry<String, Tensor> out : outputs.entrySet()) {
                    own.put(out.getKey(), out.getValue().rowsSlice(offset, offset + p.rows));
                }
            } catch (RuntimeException e) {
                p.result.completeExceptionally(new IllegalStateException("model " + name
                        + " returned outputs whose first dimension does not match the " + rows + " rows it was given", e));
                continue;
            }
            offset += p.rows;
            p.result.complete(own);
        }
    }

    private static Map<String, Tensor> stack(List<Pending> batch) {
        Map<String, Tensor> first = batch.getFirst().inputs;
        Map<String, Tensor> stacked = new HashMap<>(first.size() * 2);
        List<Tensor> parts = new ArrayList<>(batch.size());
        for (String input : first.keySet()) {
            parts.clear();
            for (Pending p : batch) {
                parts.add(p.inputs.get(input));
            }
            stacked.put(input, Tensor.concat(parts));
        }
        return stacked;
    }

    /** A queued request. Its state moves once: from waiting to claimed (runs) or expired (never runs). */
    private final class Pending {
        private static final int WAITING = 0;
        private static final int CLAIMED = 1;
        private static final int EXPIRED = 2;

        final Map<String, Tensor> inputs;
        final int rows;
        final long enqueued;
        final long timeoutNanos;
        final CompletableFuture<Map<String, Tensor>> result;
        private final AtomicInteger state = new AtomicInteger(WAITING);

        Pending(Map<String, Tensor> inputs, int rows, long enqueued, long timeoutNanos,
                CompletableFuture<Map<String, Tensor>> result) {
            this.inputs = inputs;
            this.rows = rows;
            this.enqueued = enqueued;
            this.timeoutNanos = timeoutNanos;
            this.result = result;
        }

        /**
         * Claims it for a batch (it is off the queue), unless its deadline has passed: then it is
         * answered 504 and never runs.
         */
        boolean claim(long now) {
            if (expireIfDue(now, false)) {
                return false;
            }
            return state.compareAndSet(WAITING, CLAIMED);
        }

        /**
         * Answers it 504 if it is still waiting and its deadline has passed, taking it off the
         * queue if it is {@code queued}; says whether it did.
         */
        boolean expireIfDue(long now, boolean queued) {
            if (now - enqueued < timeoutNanos || !expire()) {
                return false;
            }
            if (queued) {
                queue.remove(this); // frees its place: a stalled model should not answer 429 for the dead
            }
            result.completeExceptionally(Rejection.deadline(name, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
            try {
                observer.rejected("deadline");
            } catch (RuntimeException e) { // the answer is out; a broken observer only loses a count
                System.getLogger("barista.models").log(System.Logger.Level.WARNING, "batch observer failed", e);
            }
            return true;
        }

        boolean expire() {
            return state.compareAndSet(WAITING, EXPIRED);
        }
    }
}
