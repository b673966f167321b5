package barista.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One structured line per request, in logfmt:
 * {@code 2026-11-27T04:20:00.123Z INFO request method=GET path=/predict status=200 duration_ms=0.41 request_id=... remote=...}.
 *
 * <p>Threading: {@link #log} is called on request threads and only adds a small record to a
 * lock-free queue; it never wakes anyone. One daemon thread drains the queue every few
 * milliseconds, formats and writes in batches. (Waking the writer per request, as a blocking
 * queue does, cost 40% of the event loop's throughput in measurement.) If the queue is full
 * (the output cannot keep up), lines are dropped and the count is reported.
 */
public final class RequestLog {
    private static final int CAPACITY = 1 << 16;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    record Entry(long epochMillis, String method, String path, int status, long nanos, String requestId,
                         String remote) {
    }

    /** Always three fraction digits, so lines align and sort ({@code Instant.toString} drops ".000"). */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static volatile RequestLog stdout;

    private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean writing; // a batch has left the queue but is not flushed yet
    private final Writer out;
    private final Object flushed = new Object();

    RequestLog(Writer out) {
        this.out = out;
        Thread.ofPlatform().daemon().name("barista-request-log").start(this::drain);
    }

    /** The one log on standard output, shared by every app in the process (one writer thread). */
    static RequestLog toStdout() {
        RequestLog log = stdout;
        if (log == null) {
            synchronized (RequestLog.class) {
                log = stdout;
                if (log == null) {
                    log = new RequestLog(new BufferedWriter(new OutputStreamWriter(new CurrentStdout(),
                            StandardCharsets.UTF_8), 1 << 16));
                    stdout = log;
                }
            }
        }
        return log;
    }

    void log(String method, String path, int status, long nanos, String requestId, String remote) {
        if (size.incrementAndGet() > CAPACITY) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.add(new Entry(System.currentTimeMillis(), method, path, status, nanos, requestId, remote));
    }

    /** Waits (at most 2 s) until every line logged before the call is written out; for shutdown. */
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        synchronized (flushed) {
            while ((size.get() > 0 || writing) && System.nanoTime() < deadline) {
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
        StringBuilder line = new StringBuilder(256);
        Timestamps timestamps = new Timestamps();
        while (!Thread.currentThread().isInterrupted()) {
            Entry e = queue.poll();
            if (e == null) {
                synchronized (flushed) {
                    flushed.notifyAll();
                }
                LockSupport.parkNanos(IDLE_PARK_NANOS);
                continue;
            }
            int batch = 0;
            writing = true;
            try {
                for (; e != null; e = queue.poll()) {
                    size.decrementAndGet();
                    batch++;
                    format(e, timestamps.of(e.epochMillis()), line);
                    out.append(line);
                    if (batch == 4096) {
                        break;
                    }
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    out.append(TIME.format(Instant.now())).append(" WARN request_log dropped=").append(Long.toString(lost))
                            .append('\n');
                }
                out.flush();
            } catch (IOException ignored) {
                // stdout is gone; keep draining so producers never block
            } finally {
                writing = false;
            }
        }
    }

    /**
     * Standard output as it is when a batch is written, not as it was when the log started: an
     * app (or a test) that redirects {@code System.out} gets the lines that follow.
     */
    private static final class CurrentStdout extends OutputStream {
        @Override
        public void write(int b) {
            System.out.write(b);
        }

        @Override
        public void write(byte[] bytes, int off, int len) {
            System.out.write(bytes, off, len);
        }

        @Override
        public void flush() {
            System.out.flush();
        }
    }

    /** ISO-8601 instants, formatted once per millisecond rather than once per line. */
    private static final class Timestamps {
        private long millis = -1;
        private String text;

        String of(long epochMillis) {
            if (epochMillis != millis) {
                millis = epochMillis;
                text = TIME.format(Instant.ofEpochMilli(epochMillis));
            }
            return text;
        }
    }

    static void format(Entry e, String timestamp, StringBuilder sb) {
        sb.setLength(0);
        sb.append(timestamp).append(" INFO request method=").append(e.method())
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
}
