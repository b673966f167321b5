package barista.internal;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The JDK's own logging (where {@code System.Logger}, Hibernate Validator and Vert.x write),
 * given the request log's one-line shape and timestamps, so one process prints one format.
 *
 * <p>Threading: {@link #configure} runs once on the thread creating the app;
 * {@link #printDirect} is safe from any thread, including shutdown hooks.
 */
public final class JdkLogging {
    private JdkLogging() {
    }

    /**
     * Gives the JDK's logging (what {@code System.Logger} writes to by default) the same
     * one-line shape, on the console handlers the JDK installed by default, unless the user
     * configured logging with a file or class. Nothing else about their configuration changes.
     */
    public static void configure() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        for (Handler h : Logger.getLogger("").getHandlers()) {
            if (h instanceof java.util.logging.ConsoleHandler && h.getFormatter() instanceof SimpleFormatter) {
                h.setFormatter(new OneLine());
            }
        }
    }

    /**
     * Writes one line in the same shape straight to stderr. For the shutdown hook: the JDK's
     * logging resets its handlers in a shutdown hook of its own, racing with ours, so lines
     * logged there are often lost.
     */
    public static void printDirect(String logger, String message) {
        LogRecord r = new LogRecord(java.util.logging.Level.INFO, message);
        r.setLoggerName(logger);
        System.err.print(new OneLine().format(r));
        System.err.flush();
    }

    /** {@code 2026-11-27T04:18:56.338Z INFO barista message}, and the stack trace if any. */
    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(160).append(RequestLog.TIME.format(r.getInstant())).append(' ')
                    .append(r.getLevel().getName()).append(' ').append(r.getLoggerName()).append(' ')
                    .append(formatMessage(r)).append('\n');
            if (r.getThrown() != null) {
                java.io.StringWriter trace = new java.io.StringWriter();
                r.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                sb.append(trace);
            }
            return sb.toString();
        }
    }
}
