package barista.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * One structured line per request, in logfmt:
 * {@code 2026-11-27T04:20:00.123Z INFO request method=GET path=/predict status=200 duration_ms=0.41 request_id=... remote=...}.
 *
 * <p>Threading: {@link #log} is called on request threads and only enqueues a small record; one
 * daemon thread formats and writes in batches, so logging never blocks a request. If the queue
 * is full (the output cannot keep up), lines are dropped and the count is reported.
 */
public final class RequestLog {
    private static final int CAPACITY = 1 << 16;

    record Entry(long epochMillis, String method, String path, int status, long nanos, String requestId,
                         String remote) {
    }

    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Writer out;
    private final Thread writer;
    private final Object flushed = new Object();

    RequestLog(Writer out) {
        this.out = out;
        this.writer = Thread.ofPlatform().daemon().name("barista-request-log").unstarted(this::drain);
        writer.start();
    }

    static RequestLog toStdout() {
        return new RequestLog(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
    }

    void log(String method, String path, int status, long nanos, String requestId, String remote) {
        if (!queue.offer(new Entry(System.currentTimeMillis(), method, path, status, nanos, requestId, remote))) {
            dropped.incrementAndGet();
        }
    }

    /** Waits (briefly) until every queued line is written; called at shutdown. */
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        synchronized (flushed) {
            while (!queue.isEmpty() && System.nanoTime() < deadline) {
                try {
                    flushed.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void drain() {
        List<Entry> batch = new ArrayList<>(1024);
        StringBuilder line = new StringBuilder(256);
        while (true) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, 4096);
                for (Entry e : batch) {
                    format(e, line);
                    out.append(line);
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    out.append(Instant.now().toString()).append(" WARN request_log dropped=").append(Long.toString(lost))
                            .append('\n');
                }
                out.flush();
                batch.clear();
                synchronized (flushed) {
                    flushed.notifyAll();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                batch.clear();
            }
        }
    }

    static void format(Entry e, StringBuilder sb) {
        sb.setLength(0);
        sb.append(Instant.ofEpochMilli(e.epochMillis())).append(" INFO request method=").append(e.method())
                .append(" path=");
        value(e.path(), sb);
        sb.append(" status=").append(e.status()).append(" duration_ms=");
        long micros = e.nanos() / 1000;
        sb.append(micros / 1000).append('.');
        long frac = micros % 1000;
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        sb.append(frac).append(" request_id=").append(e.requestId()).append(" remote=");
        value(e.remote(), sb);
        sb.append('\n');
    }

    /** Quotes a value that could break the line's key=value structure. */
    private static void value(String v, StringBuilder sb) {
        if (v == null) {
            sb.append('-');
            return;
        }
        boolean plain = true;
        for (int i = 0; i < v.length() && plain; i++) {
            char c = v.charAt(i);
            plain = c > ' ' && c != '"' && c != '=' && c != '\\' && c < 127;
        }
        if (plain) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < ' ' || c == 127) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /**
     * Gives the JDK's logging (what {@code System.Logger} writes to by default) the same
     * one-line shape, unless the user configured logging themselves.
     */
    public static void configureJdkLogging() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format",
                    "%1$tFT%1$tT.%1$tL%1$tz %4$s %3$s %5$s%6$s%n");
            try {
                LogManager.getLogManager().readConfiguration();
            } catch (IOException e) {
                return;
            }
        }
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            h.setFormatter(new java.util.logging.SimpleFormatter());
        }
    }
}
