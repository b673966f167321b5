package barista.inference.log;

import barista.data.BulkInsert;
import barista.data.Database;
import barista.http.HttpError;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: a writer thread takes every entry that is waiting (up to {@code maxBatch}),
 * appends them in one transaction ({@link BulkInsert}: COPY on PostgreSQL), and only then
 * completes their futures. While it commits, new entries gather for the next round, so the
 * number of commits per second stays near what the disk can flush however many requests arrive,
 * and each request waits about one commit.
 * One thread by default; more ({@code barista.predictions.writers}) keep several transactions in
 * flight, which PostgreSQL can flush together when it has cores to spare.
 *
 * <p>Faults: an entry that finds the queue full, or whose transaction fails (the database is
 * gone, the disk is full), fails with a 503 and is not retried: its client was not answered, so
 * nothing acknowledged is lost. The next round tries the database again, which is how the log
 * recovers by itself.
 *
 * <p>Threading: {@link #append} from any thread, never waits for I/O (it takes the queue's lock
 * for a moment); one writer thread owns the
 * connection work and completes the futures, so what is chained on them runs there and must be
 * quick; {@link #close} drains what is queued.
 */
final class LogWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("barista.inference.log");
    private static final List<String> COLUMNS = List.of("request_id", "model", "version", "principal", "created_at",
            "latency_micros", "input", "output");

    private final BulkInsert<LogEntry> insert;
    /** Entries waiting for a writer, oldest first; {@link #lock} guards it. */
    private final ArrayDeque<LogEntry> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition waiting = lock.newCondition();
    private final int capacity;
    private final int maxBatch;
    private final long gatherNanos;
    private final List<Thread> threads;
    private final LongAdder entries = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final LongAdder failures = new LongAdder();
    /** What {@link #together} on this thread holds back: entries for the writer, then what runs after them. */
    private final ThreadLocal<Hold> held = new ThreadLocal<>();
    private volatile boolean closing;
    private volatile long lastFailureLog;

    LogWriter(Database db, int capacity, int maxBatch, int writers, long gatherNanos) {
        this.insert = BulkInsert.into(db, "barista_predictions", COLUMNS, (e, row) -> row
                .text(e.requestId()).text(e.prediction().model()).text(e.prediction().version()).text(e.principal())
                .number(e.timeMillis()).number(e.latencyMicros()).text(e.inputJson()).text(e.outputJson()));
        this.gatherNanos = gatherNanos;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            started.add(Thread.ofPlatform().name("barista-prediction-log-" + i).daemon(false).start(this::run));
        }
        this.threads = List.copyOf(started);
    }

    /** Queues an entry; its future completes once it is committed. */
    CompletableFuture<Void> append(LogEntry entry) {
        Hold hold = held.get();
        if (hold != null) {
            hold.entries.add(entry);
            return entry.committed();
        }
        offer(List.of(entry));
        return entry.committed();
    }

    /**
     * Runs {@code work}, holding back what it appends on this thread, then queues it all in one
     * step, so a writer takes it whole into one commit; then runs what {@link #afterHold} put off.
     * Nested calls join the outer one.
     */
    void together(Runnable work) {
        if (held.get() != null) {
            work.run();
            return;
        }
        Hold hold = new Hold();
        held.set(hold);
        try {
            work.run();
        } finally {
            held.remove();
            if (!hold.entries.isEmpty()) {
                offer(hold.entries);
            }
            RuntimeException failed = null;
            for (Runnable task : hold.after) { // every one runs: each may be what a caller waits for
                try {
                    task.run();
                } catch (RuntimeException e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }

    /**
     * Runs {@code task} now or, inside {@link #together} on this thread, once the held entries
     * are queued: for what may wait on a held entry's commit, which would otherwise never come.
     */
    void afterHold(Runnable task) {
        Hold hold = held.get();
        if (hold == null) {
            task.run();
        } else {
            hold.after.add(task);
        }
    }

    private static final class Hold {
        final List<LogEntry> entries = new ArrayList<>();
        final List<Runnable> after = new ArrayList<>();
    }

    /** Queues {@code group} in one step, refusing (503) what is past the capacity or comes after close. */
    private void offer(List<LogEntry> group) {
        int taken;
        boolean closed;
        lock.lock();
        try {
            closed = closing;
            taken = closed ? 0 : Math.min(group.size(), capacity - queue.size());
            for (int i = 0; i < taken; i++) {
                queue.addLast(group.get(i));
            }
            if (taken > 0) {
                waiting.signal();
            }
        } finally {
            lock.unlock();
        }
        for (int i = taken; i < group.size(); i++) { // outside the lock: callers' chains run here
            group.get(i).committed().completeExceptionally(new HttpError.ServiceUnavailable(
                    closed ? "prediction log is closed" : "prediction log is behind; retry"));
        }
    }

    /**
     * Moves waiting entries to {@code batch} until it holds {@code maxBatch}; with {@code wait},
     * waits up to 100 ms for a first one. False once closing and nothing is left.
     */
    private boolean take(List<LogEntry> batch, boolean wait) throws InterruptedException {
        lock.lock();
        try {
            if (queue.isEmpty() && wait) {
                if (closing) {
                    return false;
                }
                waiting.await(100, TimeUnit.MILLISECONDS);
            }
            while (batch.size() < maxBatch && !queue.isEmpty()) {
                batch.add(queue.pollFirst());
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        List<LogEntry> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                if (!take(batch, true)) {
                    return;
                }
                if (batch.isEmpty()) {
                    continue;
                }
                if (gatherNanos > 0 && batch.size() < maxBatch) {
                    // Commits have a fixed cost (a round trip, a flush); waiting a moment for
                    // more entries spreads it over more requests.
                    java.util.concurrent.locks.LockSupport.parkNanos(gatherNanos);
                    take(batch, false);
                }
                write(batch);
            } catch (InterruptedException e) {
                closing = true;
            } catch (Throwable t) {
                fail(batch, t);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<LogEntry> batch) {
        try {
            insert.write(batch);
            commits.increment();
            entries.add(batch.size());
        } catch (SQLException | RuntimeException e) {
            fail(batch, e);
            return;
        }
        answer(batch, null);
    }

    /**
     * Completes the entries' futures, or fails them with {@code failure}, here on the writer:
     * a model route's reply is already made ({@link barista.inference.Models#predict(
     * barista.inference.ModelVersion, java.util.Map, long, boolean, barista.inference.Caller,
     * java.util.function.Function) Models.predict} with a reply), so what runs now is finishing
     * its headers and handing it to its event loop; callers that chain their own work continue on
     * a virtual thread of their own. Handing every batch to another thread instead put one more
     * wake-up on the way to every reply (see the README's log benchmark).
     */
    private static void answer(List<LogEntry> batch, Throwable failure) {
        for (LogEntry e : batch) {
            if (failure == null) {
                e.committed().complete(null);
            } else {
                e.committed().completeExceptionally(failure);
            }
        }
    }

    LogStats stats() {
        int backlog;
        lock.lock();
        try {
            backlog = queue.size();
        } finally {
            lock.unlock();
        }
        return new LogStats(entries.sum(), commits.sum(), failures.sum(), backlog);
    }

    private void fail(List<LogEntry> batch, Throwable cause) {
        failures.add(batch.size());
        long now = System.nanoTime();
        if (now - lastFailureLog > TimeUnit.SECONDS.toNanos(10)) { // one line per outage, not per batch
            lastFailureLog = now;
            LOG.log(System.Logger.Level.WARNING, "prediction log write failed ({0} entries answered 503): {1}",
                    batch.size(), Database.isConnectionFailure(cause) ? "database unavailable" : cause.toString());
        }
        answer(batch, new HttpError.ServiceUnavailable("prediction log unavailable; the prediction was not kept"));
    }

    /** Stops taking entries and waits for the queued ones to be written. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            waiting.signalAll();
        } finally {
            lock.unlock();
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            for (Thread t : threads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
