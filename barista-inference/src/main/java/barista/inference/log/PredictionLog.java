package barista.inference.log;

import barista.Barista;
import barista.Config;
import barista.access.Principal;
import barista.data.Database;
import barista.data.Dialect;
import barista.http.HttpError;
import barista.inference.ModelConfig;
import barista.inference.Prediction;
import barista.inference.tensor.Tensor;
import barista.observe.Metrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The app's durable prediction log, in the app's database ({@code barista_predictions}).
 *
 * <pre>{@code
 * PredictionLog log = PredictionLog.of(app);
 * PredictionPage page = log.search(PredictionQuery.all().withModel("iris"));
 * log.feedback(requestId, "\"setosa\"", ctx.principal());
 * }</pre>
 *
 * <p>Model endpoints log through it before answering: see {@link #record}. Settings:
 * {@code barista.predictions.log} (default true), {@code barista.predictions.sample} (fraction
 * logged, default 1), {@code barista.predictions.queue} (entries that may wait, default 10000;
 * beyond it predictions get 503), {@code barista.predictions.batch} (entries per commit,
 * default 1000), {@code barista.predictions.writers} (transactions in flight, default 1: SQLite
 * has one writer at a time, and on a small PostgreSQL host more transactions cost more CPU than
 * the flushes they share save) and {@code barista.predictions.gather-micros} (how long a writer
 * waits for more entries before it commits, default 0: with COPY on PostgreSQL, waiting a
 * millisecond measured 17% slower at 64 connections, and on SQLite it was slower too). A
 * model's {@code config.json} may override the first two with
 * {@code "log": {"enabled": false}} or {@code "log": {"sample": 0.1}}; but with
 * {@code barista.predictions.log=false} the model server never opens the log, so an app can serve
 * models with no database, and no model can turn it back on: for a log that only some models
 * use, set {@code barista.predictions.sample=0} and {@code "log": {"sample": 1}} on those.
 *
 * <p>Threading: thread-safe. {@link #record} never blocks; the search, feedback and export
 * methods run SQL and block, so call them from handlers on virtual threads.
 */
public final class PredictionLog implements AutoCloseable {
    private static final String COLUMNS = "id, request_id, model, version, principal, created_at, latency_micros,"
            + " input, output, feedback, feedback_at, feedback_by";

    private final Database db;
    private final boolean enabled;
    private final double sample;
    private final LogWriter writer;

    private PredictionLog(Barista app) {
        Config config = app.config();
        this.enabled = config.flag("barista.predictions.log", true);
        this.sample = parseSample(config.property("barista.predictions.sample", "1"));
        this.db = Database.of(app);
        migrate(db);
        this.writer = new LogWriter(db, config.integer("barista.predictions.queue", 10_000, 1),
                config.integer("barista.predictions.batch", 1000, 1),
                config.integer("barista.predictions.writers", 1, 1),
                config.integer("barista.predictions.gather-micros", 0, 0) * 1000L);
        app.onStop(this::close);
        MeterRegistry registry = Metrics.of(app).registry();
        FunctionCounter.builder("barista.predictions.logged", this, l -> l.stats().entries())
                .description("Predictions committed to the prediction log").register(registry);
        FunctionCounter.builder("barista.predictions.log.commits", this, l -> l.stats().commits())
                .description("Prediction log transactions (each holds every entry that was waiting)").register(registry);
        FunctionCounter.builder("barista.predictions.log.failed", this, l -> l.stats().failed())
                .description("Predictions answered 503 because the log could not keep them").register(registry);
        Gauge.builder("barista.predictions.log.backlog", this, l -> l.stats().backlog())
                .description("Prediction log entries waiting for their commit").register(registry);
    }

    /** Brings the log's table up to date on {@code db}: what {@code barista migrate} does for the log. */
    public static int migrate(Database db) {
        return db.migrate("inference", "classpath:barista/inference/migration");
    }

    /** The app's log, opening the app's database and bringing its table up to date on first use. */
    public static PredictionLog of(Barista app) {
        return app.service(PredictionLog.class, PredictionLog::new);
    }

    /**
     * Whether this prediction goes to the log: the model's setting, else the app's, sampled at
     * random when the fraction is below 1.
     */
    public boolean shouldLog(ModelConfig.LogSetting setting) {
        boolean on = setting.enabled() != null ? setting.enabled() : enabled;
        if (!on) {
            return false;
        }
        double fraction = setting.sample() != null ? setting.sample() : sample;
        return fraction >= 1 || (fraction > 0 && ThreadLocalRandom.current().nextDouble() < fraction);
    }

    /**
     * Logs a prediction; the returned future completes with it once its entry is committed, or
     * fails with a 503 if it can't be, so the caller answers only what the log holds.
     */
    public CompletableFuture<Prediction> record(String requestId, String principal, long latencyMicros,
                                                Map<String, Tensor> inputs, Prediction prediction) {
        LogEntry entry;
        try {
            entry = LogEntry.of(requestId, principal, latencyMicros, inputs, prediction);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return writer.append(entry).thenApply(done -> prediction);
    }

    /**
     * Runs {@code work}, and commits what it records on this thread together once it ends: a
     * model's batcher hands out each batch's answers through this, so a batch's entries share
     * one commit instead of the writer committing the first while the rest are being made.
     * What is recorded inside is not queued before {@code work} returns, so nothing inside may
     * wait for a commit: put what might (the callers' own continuations) in {@link #afterHold}.
     */
    public void together(Runnable work) {
        writer.together(work);
    }

    /**
     * Runs {@code task} now or, inside {@link #together} on this thread, right after the held
     * entries are queued, so it may wait for their commit.
     */
    public void afterHold(Runnable task) {
        writer.afterHold(task);
    }

    /** What the writer has done since start: entries, commits (group commit's ratio), failures, backlog. */
    public LogStats stats() {
        return writer.stats();
    }

    /**
     * One page of matching entries, newest first; read {@link PredictionPage#next} for the next.
     * A text that is a logged request id finds that request through its index; any other text
     * is looked for inside inputs and outputs, which reads the log newest first until a page is
     * full, so a rare text in a large log takes a while.
     */
    public PredictionPage search(PredictionQuery q) {
        List<LoggedPrediction> rows = db.withHandle(h -> {
            if (q.text() != null) {
                List<LoggedPrediction> byId = select(h, q, q.limit() + 1, true).map(PredictionLog::row).list();
                if (!byId.isEmpty()) {
                    return byId;
                }
            }
            return select(h, q, q.limit() + 1, false).map(PredictionLog::row).list();
        });
        Long next = null;
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            next = rows.getLast().id();
        }
        return new PredictionPage(rows, next);
    }

    /** The newest entry for a request id. */
    public Optional<LoggedPrediction> find(String requestId) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM barista_predictions WHERE request_id = :id"
                        + " ORDER BY id DESC LIMIT 1")
                .bind("id", requestId).map(PredictionLog::row).findOne());
    }

    /**
     * Entries whose principal is a user ({@code :principal}) or one of their API keys
     * ({@code alice/key:<id>}). With {@code substr}, not {@code LIKE}: SQLite's {@code LIKE}
     * ignores case, and user names don't.
     */
    private static final String USER_OR_THEIR_KEYS = "(principal = :principal OR substr(principal, 1, :keysLength) = :keys)";

    /** The binds of {@link #USER_OR_THEIR_KEYS} for {@code user}. */
    private static Map<String, Object> userOrTheirKeys(String user) {
        String keys = user + "/key:";
        return Map.of("principal", user, "keysLength", keys.length(), "keys", keys);
    }

    /**
     * Attaches the true label (JSON text) to a request's predictions. Only the user who made them
     * may, whether they called with a session, a token or any of their API keys, or one holding
     * {@code predictions:write}; for anyone else the request id doesn't exist, so its existence
     * doesn't leak. Returns the number of entries updated.
     *
     * <p>Every anonymous caller is the same caller, so on an open model anyone who learns an
     * anonymous prediction's request id could replace its label. An anonymous caller therefore
     * gives a label once: the first one stays.
     *
     * @throws HttpError.Conflict (409) when an anonymous caller's prediction already has its label
     */
    public int feedback(String requestId, String labelJson, Principal by) {
        boolean any = by.hasPermission("predictions:write");
        boolean once = !any && !by.authenticated();
        String name = by.name();
        int updated = db.withHandle(h -> h.createUpdate("UPDATE barista_predictions SET feedback = :label,"
                        + " feedback_at = :at, feedback_by = :by WHERE request_id = :id"
                        + (any ? "" : " AND " + USER_OR_THEIR_KEYS) + (once ? " AND feedback IS NULL" : ""))
                .bind("label", labelJson).bind("at", System.currentTimeMillis()).bind("by", name)
                .bind("id", requestId).bindMap(userOrTheirKeys(by.user())).execute());
        if (updated == 0 && once && db.withHandle(h -> h.createQuery("SELECT 1 FROM barista_predictions"
                        + " WHERE request_id = :id AND principal = :principal AND feedback IS NOT NULL")
                .bind("id", requestId).bind("principal", name).mapTo(Integer.class).findFirst()).isPresent()) {
            throw new HttpError.Conflict("this prediction already has a label; an anonymous caller can't replace it");
        }
        return updated;
    }

    /**
     * Writes every entry matching {@code q} (its limit and cursor ignored) as CSV with a header
     * row, newest first, streaming: memory stays flat however large the log.
     */
    public void writeCsv(PredictionQuery q, Writer out) {
        writeCsv(q, out, 0, 0);
    }

    /** Rows per read of an export. */
    static final int EXPORT_PAGE = 1000;

    /**
     * As {@link #writeCsv(PredictionQuery, Writer)}, stopping before the row that would go past
     * {@code maxRows} rows or start after {@code maxChars} characters ({@code 0}: no limit), for
     * a caller that keeps the export in memory. Says whether older matches were left out.
     *
     * <p>The rows are read {@value #EXPORT_PAGE} at a time by keyset ({@code id < last}), each
     * page its own short read, and written before the next is read. A slow reader at the other
     * end of {@code out} (a browser downloading a million rows) therefore holds no pooled
     * connection and no snapshot while it reads, and the log's writer never waits for an export.
     * Entries logged after the export started are not in it.
     */
    public CsvExport writeCsv(PredictionQuery q, Writer out, long maxRows, long maxChars) {
        if (maxRows < 0 || maxChars < 0) {
            throw new IllegalArgumentException("limits must be 0 (none) or more, got " + maxRows + " rows, "
                    + maxChars + " characters");
        }
        CountingWriter w = new CountingWriter(out);
        long rows = 0;
        try {
            Csv.row(w, "id", "request_id", "time", "model", "version", "principal", "latency_ms", "input",
                    "output", "feedback", "feedback_time", "feedback_by");
            boolean exactId = q.text() != null && db.withHandle(h ->
                    select(h, q.withBefore(null), 1, true).map(PredictionLog::row).findFirst().isPresent());
            Long before = null;
            while (true) {
                PredictionQuery pageQuery = q.withBefore(before);
                // near the limit, one row more than it allows: enough to tell a cut
                int size = maxRows == 0 ? EXPORT_PAGE : (int) Math.min(EXPORT_PAGE, maxRows - rows + 1);
                List<LoggedPrediction> page = db.withHandle(h ->
                        select(h, pageQuery, size, exactId).map(PredictionLog::row).list());
                for (LoggedPrediction p : page) {
                    if ((maxRows > 0 && rows >= maxRows) || (maxChars > 0 && w.chars >= maxChars)) {
                        w.flush();
                        return new CsvExport(rows, true);
                    }
                    Csv.row(w, Long.toString(p.id()), p.requestId(), p.time().toString(), p.model(), p.version(),
                            p.principal(), Double.toString(p.latencyMicros() / 1000.0), p.input(), p.output(),
                            p.feedback(), p.feedbackTime() == null ? null : p.feedbackTime().toString(), p.feedbackBy());
                    rows++;
                }
                if (page.size() < size) {
                    break;
                }
                before = page.getLast().id();
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvExport(rows, false);
    }

    /** Passes writes on, counting the characters. */
    private static final class CountingWriter extends Writer {
        private final Writer out;
        long chars;

        CountingWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            out.write(buf, off, len);
            chars += len;
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            out.write(str, off, len);
            chars += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * The SELECT for a query; {@code limit} 0 means no limit. With {@code exactId} the text is
     * matched as a request id only. Every value is a bound parameter.
     */
    private Query select(Handle h, PredictionQuery q, int limit, boolean exactId) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        if (q.model() != null) {
            where.add("model = :model");
            binds.put("model", q.model());
        }
        if (q.version() != null) {
            where.add("version = :version");
            binds.put("version", q.version());
        }
        if (q.principal() != null) { // a user's own calls and those with any of their keys
            where.add(USER_OR_THEIR_KEYS);
            binds.putAll(userOrTheirKeys(q.principal()));
        }
        if (q.from() != null) {
            where.add("created_at >= :from");
            binds.put("from", q.from().toEpochMilli());
        }
        if (q.to() != null) {
            where.add("created_at < :to");
            binds.put("to", q.to().toEpochMilli());
        }
        if (q.hasFeedback() != null) {
            where.add(q.hasFeedback() ? "feedback IS NOT NULL" : "feedback IS NULL");
        }
        if (q.text() != null && exactId) {
            where.add("request_id = :text");
            binds.put("text", q.text());
        } else if (q.text() != null) {
            // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's ILIKE does the same, and more
            String like = db.dialect() == Dialect.POSTGRESQL ? "ILIKE" : "LIKE";
            where.add("(input " + like + " :like ESCAPE '!' OR output " + like + " :like ESCAPE '!')");
            binds.put("like", "%" + escapeLike(q.text()) + "%");
        }
        if (q.before() != null) {
            where.add("id < :before");
            binds.put("before", q.before());
        }
        String sql = "SELECT " + COLUMNS + " FROM barista_predictions"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY id DESC" + (limit > 0 ? " LIMIT " + limit : "");
        Query query = h.createQuery(sql);
        binds.forEach(query::bind);
        return query;
    }

    /**
     * LIKE's own wildcards in a search are literal characters. The escape is {@code !}, not a
     * backslash, which JDBI's statement parser would read as its own escape.
     */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static LoggedPrediction row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        long feedbackAt = rs.getLong("feedback_at");
        boolean hasFeedbackTime = !rs.wasNull();
        return new LoggedPrediction(rs.getLong("id"), rs.getString("request_id"), rs.getString("model"),
                rs.getString("version"), Instant.ofEpochMilli(rs.getLong("created_at")), rs.getLong("latency_micros"),
                rs.getString("principal"), rs.getString("input"), rs.getString("output"), rs.getString("feedback"),
                hasFeedbackTime ? Instant.ofEpochMilli(feedbackAt) : null, rs.getString("feedback_by"));
    }

    private static double parseSample(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new barista.SetupException("barista.predictions.sample must be a number from 0 to 1, got '" + text + "'");
        }
        if (!(v >= 0 && v <= 1)) {
            throw new barista.SetupException("barista.predictions.sample must be from 0 to 1, got " + v);
        }
        return v;
    }

    /** Writes what is queued, then stops; the database itself is closed by its own stop action. */
    @Override
    public void close() {
        writer.close();
    }
}
