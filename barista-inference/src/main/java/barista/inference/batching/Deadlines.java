package barista.inference.batching;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Answers queued requests whose deadline has passed, for every batcher, from one thread that
 * looks every {@value #TICK_MILLIS} ms. A timer per request (a {@code ScheduledThreadPoolExecutor}
 * task, cancelled when the request was claimed) cost each request a locked heap insert on the
 * event loop and a removal on the model's worker, and woke the timer thread once per batch:
 * about 2 µs of CPU per request on the timer thread alone at 35k requests a second. A tick
 * copies each non-empty queue once under its lock, so it costs a few microseconds for the
 * requests waiting, and the thread wakes 100 times a second whether or not anything waits.
 *
 * <p>What the tick decides is only how soon a client hears its 504: within one tick of its
 * deadline while the worker is busy. Whether a request runs does not depend on it, because a
 * worker checks the deadline as it claims a request and never starts one that is past it.
 *
 * <p>Threading: one daemon thread for the process; {@link #watch} and {@link #unwatch} from any
 * thread.
 */
final class Deadlines {
    static final long TICK_MILLIS = 10;
    private static final Set<Batcher> WATCHED = ConcurrentHashMap.newKeySet();

    static {
        Thread.ofPlatform().daemon().name("barista-model-deadlines").start(Deadlines::run);
    }

    private Deadlines() {
    }

    static void watch(Batcher batcher) {
        WATCHED.add(batcher);
    }

    static void unwatch(Batcher batcher) {
        WATCHED.remove(batcher);
    }

    private static void run() {
        while (true) {
            try {
                TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Batcher b : WATCHED) {
                try {
                    b.expireDue(now);
                } catch (Throwable t) { // what a caller chained on a 504 runs here: it must not stop every deadline
                    System.getLogger("barista.models").log(System.Logger.Level.WARNING,
                            "answering expired requests failed", t);
                }
            }
        }
    }
}
