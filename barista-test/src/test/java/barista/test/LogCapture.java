package barista.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records one logger (and its children) writes while a test holds this open: Barista logs
 * through {@link System.Logger}, which goes to {@code java.util.logging} unless an app routes it
 * elsewhere.
 */
final class LogCapture extends Handler implements AutoCloseable {
    final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger;

    private LogCapture(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
    }

    /** Starts capturing what {@code name} logs. */
    static LogCapture of(String name) {
        return new LogCapture(Logger.getLogger(name));
    }

    @Override
    public void publish(LogRecord r) {
        records.add(r);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
