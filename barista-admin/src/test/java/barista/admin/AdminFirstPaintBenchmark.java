package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.auth.Auth;
import barista.demo.models.DemoModels;
import barista.inference.Models;
import barista.test.TestPostgres;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Benchmark, not a test (the name doesn't end in {@code Test}, so the suite skips it): the admin
 * pages' first paint in Debian's Chromium with a million logged predictions, on the default
 * SQLite file and on PostgreSQL. The target is first paint &lt;= 300 ms on every page.
 *
 * <p>For each store: a real app on a socket with the demo iris model and an admin user, made as a
 * user makes them; {@code barista_predictions} filled straight through JDBC (batched inserts on
 * SQLite, {@code COPY} on PostgreSQL, then {@code ANALYZE}); then each page loaded
 * {@value #DEFAULT_LOADS} times in one signed-in tab, the first {@value #WARMUP} not counted,
 * reading {@code first-contentful-paint} (else {@code first-paint}) and the navigation's
 * {@code responseEnd - requestStart} (the server's time, plus the transfer on loopback). The
 * query plans of the log's page queries go below the table. Results: stdout and
 * {@code target/first-paint.md}.
 *
 * <pre>
 * bin/barista bench-admin
 * bin/barista bench-admin -Dbarista.bench.stores=sqlite -Dbarista.bench.rows=100000
 * </pre>
 *
 * Settings (system properties): {@code barista.bench.stores} ({@code sqlite,postgres}),
 * {@code barista.bench.rows} (1000000), {@code barista.bench.loads} (15).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminFirstPaintBenchmark {
    static final String PASSWORD = "a long admin password";
    static final double TARGET_MS = 300;
    static final int DEFAULT_LOADS = 15;
    static final int WARMUP = 3;
    static final int ROWS = Integer.getInteger("barista.bench.rows", 1_000_000);
    static final int LOADS = Integer.getInteger("barista.bench.loads", DEFAULT_LOADS);
    static final List<String> STORES = List.of(System.getProperty("barista.bench.stores", "sqlite,postgres").split(","));
    static final Path REPORT = Paths.get("target", "first-paint.md");
    /** The model the filtered page asks for: the rarest of the four, 10% of the rows. */
    static final String FILTER_MODEL = "churn";
    /** What {@code PredictionLog.search} runs for a page (50 shown, one more to know there is a next). */
    static final String PAGE_SQL = "SELECT id, request_id, model, version, principal, created_at, latency_micros,"
            + " input, output, feedback, feedback_at FROM barista_predictions";

    @TempDir
    static Path dir;
    static Playwright playwright;
    static Browser browser;
    static final StringBuilder report = new StringBuilder();

    @BeforeAll
    static void browser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        report.append("# Admin first paint, ").append(String.format(Locale.ROOT, "%,d", ROWS))
                .append(" logged predictions\n\n")
                .append("Target: first paint <= ").append((int) TARGET_MS).append(" ms. ")
                .append(LOADS).append(" loads per page, the first ").append(WARMUP).append(" not counted. ")
                .append("Chromium ").append(browser.version()).append(", Java ").append(Runtime.version())
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, load average at start ")
                .append(loadAverage()).append(".\n");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    @Order(1)
    void sqlite() throws Exception {
        if (!STORES.contains("sqlite")) {
            return;
        }
        Path file = dir.resolve("app.db");
        run("SQLite", "jdbc:sqlite:" + file, null, url -> {
            try (Connection c = DriverManager.getConnection(url)) {
                return c.getMetaData().getDatabaseProductVersion();
            }
        });
    }

    @Test
    @Order(2)
    void postgres() throws Exception {
        if (!STORES.contains("postgres")) {
            return;
        }
        try (TestPostgres pg = TestPostgres.schema()) {
            run("PostgreSQL", pg.url(), TestPostgres.USER, url -> {
                try (Connection c = DriverManager.getConnection(url, TestPostgres.USER, null)) {
                    return c.getMetaData().getDatabaseProductVersion();
                }
            });
        }
    }

    interface SqlFunction {
        String apply(String url) throws SQLException;
    }

    private void run(String store, String url, String user, SqlFunction version) throws Exception {
        Path models = dir.resolve("models-" + store);
        DemoModels.writeIris(models, "1");
        DemoModels.writeIris(models, "2");
        Barista app = Barista.create(cfg -> {
            cfg.port(0).requestLog(false)
                    .property("barista.data.url", url)
                    .property("barista.models.dir", models.toString());
            if (user != null) {
                cfg.property("barista.data.user", user);
            }
        });
        try {
            app.start();
            Auth.of(app).users().create("admin", PASSWORD, Set.of("admin"));
            Models registry = Models.of(app);
            for (int i = 0; i < 300 && (registry.versions("iris").size() < 2 || !registry.startupComplete()); i++) {
                Thread.sleep(100);
            }
            assertThat(registry.serving("iris")).isNotNull();

            long t0 = System.nanoTime();
            if (user == null) {
                fillSqlite(url);
            } else {
                fillPostgres(url, user);
            }
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            String fill = String.format(Locale.ROOT, "filled %,d rows in %.1f s (%,.0f rows/s)%s", ROWS, fillSeconds,
                    ROWS / fillSeconds, user == null ? ", batched INSERTs" : ", COPY + ANALYZE");
            System.out.println(store + ": " + fill);

            Map<String, Figures> figures = measure("http://localhost:" + app.port());
            String loadAfter = loadAverage();
            String export = export("http://localhost:" + app.port());
            System.out.println(store + ": " + export);
            Map<String, String> plans = plans(url, user);

            StringBuilder md = new StringBuilder();
            md.append("\n## ").append(store).append(' ').append(version.apply(url)).append("\n\n")
                    .append(fill).append("; load average before the pages ").append(loadAverage()).append(".\n\n")
                    .append("| Page | First paint median ms | First paint p90 ms | Server median ms"
                            + " | Response end to paint, median ms | HTML KiB | Median <= 300 ms |\n")
                    .append("|---|---:|---:|---:|---:|---:|:---:|\n");
            figures.forEach((page, f) -> md.append(String.format(Locale.ROOT, "| `%s` | %.0f | %.0f | %.1f | %.0f | %.1f | %s |%n",
                    page, f.paintMedian(), f.paintP90(), f.serverMedian(), f.browserMedian(), f.htmlKib(),
                    f.paintMedian() <= TARGET_MS ? "yes" : "**no**")));
            md.append("\nLoad average after the pages ").append(loadAfter).append(".\n");
            md.append("\nCSV export of the whole log (`/admin/predictions.csv`, streamed): ").append(export).append(".\n");
            md.append("\nQuery plans of the log's page queries:\n\n");
            plans.forEach((what, plan) -> md.append("- ").append(what).append(":\n\n```\n").append(plan.strip())
                    .append("\n```\n"));
            System.out.println(md);
            report.append(md);
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report, StandardCharsets.UTF_8);
        } finally {
            app.stop();
        }
    }

    // ---- filling -------------------------------------------------------------------------------

    /** One made-up logged prediction; the same seed gives the same million rows on each store. */
    record Row(String requestId, String model, String version, String principal, long createdAt, long latencyMicros,
               String input, String output, String feedback, Long feedbackAt, String feedbackBy) {
    }

    static final class Rows {
        private static final String[] PRINCIPALS = {"key:mobile-app", "key:mobile-app", "key:mobile-app", "key:web",
            "key:web", "key:nightly-batch", "alice", "bob", "admin", "anonymous"};
        private static final String[] IRIS = {"\"setosa\"", "\"versicolor\"", "\"virginica\""};
        private final Random rnd = new Random(42);
        private final long start = System.currentTimeMillis() - 30L * 24 * 3600 * 1000;
        private final long step = 30L * 24 * 3600 * 1000 / ROWS;
        private int i;

        Row next() {
            long at = start + (long) i * step + rnd.nextInt((int) Math.max(1, step));
            i++;
            int m = rnd.nextInt(100);
            String model;
            String version;
            String input;
            String output;
            if (m < 70) {
                model = "iris";
                version = m < 25 ? "1" : "2";
                input = "{\"input\":[[" + cm(4.3, 7.9) + "," + cm(2.0, 4.4) + "," + cm(1.0, 6.9) + "," + cm(0.1, 2.5) + "]]}";
                output = "{\"output\":" + probabilities(3) + "}";
            } else if (m < 90) {
                model = "digits";
                version = "3";
                StringBuilder px = new StringBuilder("{\"input\":[[");
                for (int p = 0; p < 64; p++) {
                    px.append(p == 0 ? "" : ",").append(rnd.nextInt(17)).append(".0");
                }
                input = px.append("]]}").toString();
                output = "{\"output\":" + probabilities(10) + "}";
            } else {
                model = "churn";
                version = "12";
                StringBuilder f = new StringBuilder("{\"input\":[[");
                for (int p = 0; p < 12; p++) {
                    f.append(p == 0 ? "" : ",").append(rnd.nextFloat() * 100);
                }
                input = f.append("]]}").toString();
                output = "{\"output\":" + probabilities(2) + "}";
            }
            String principal = PRINCIPALS[rnd.nextInt(PRINCIPALS.length)];
            boolean labelled = rnd.nextInt(100) == 0;
            return new Row(new UUID(rnd.nextLong(), rnd.nextLong()).toString(), model, version, principal, at,
                    300 + rnd.nextInt(4700), input, output, labelled ? IRIS[rnd.nextInt(3)] : null,
                    labelled ? at + 60_000 + rnd.nextInt(3_600_000) : null, labelled ? "alice" : null);
        }

        private String cm(double lo, double hi) {
            return String.format(Locale.ROOT, "%.1f", lo + rnd.nextDouble() * (hi - lo));
        }

        private String probabilities(int n) {
            float[] p = new float[n];
            float sum = 0;
            for (int k = 0; k < n; k++) {
                p[k] = (float) Math.pow(rnd.nextFloat(), 4);
                sum += p[k];
            }
            StringBuilder s = new StringBuilder("[[");
            for (int k = 0; k < n; k++) {
                s.append(k == 0 ? "" : ",").append(p[k] / sum);
            }
            return s.append("]]").toString();
        }
    }

    /** Batched INSERTs, 100,000 rows a transaction, on a connection of its own next to the app's pool. */
    private static void fillSqlite(String url) throws SQLException {
        Rows rows = new Rows();
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA synchronous = OFF");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO barista_predictions (request_id, model, version,"
                    + " principal, created_at, latency_micros, input, output, feedback, feedback_at, feedback_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int n = 1; n <= ROWS; n++) {
                    Row r = rows.next();
                    ps.setString(1, r.requestId());
                    ps.setString(2, r.model());
                    ps.setString(3, r.version());
                    ps.setString(4, r.principal());
                    ps.setLong(5, r.createdAt());
                    ps.setLong(6, r.latencyMicros());
                    ps.setString(7, r.input());
                    ps.setString(8, r.output());
                    ps.setString(9, r.feedback());
                    if (r.feedbackAt() == null) {
                        ps.setNull(10, Types.BIGINT);
                    } else {
                        ps.setLong(10, r.feedbackAt());
                    }
                    ps.setString(11, r.feedbackBy());
                    ps.addBatch();
                    if (n % 10_000 == 0 || n == ROWS) {
                        ps.executeBatch();
                    }
                    if (n % 100_000 == 0 || n == ROWS) {
                        c.commit();
                    }
                }
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                // what SQLite's automatic checkpoints would have done over a month of logging
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
    }

    /** One COPY in one transaction, fed 20,000 rows at a time, then ANALYZE. */
    private static void fillPostgres(String url, String user) throws SQLException {
        Rows rows = new Rows();
        try (Connection c = DriverManager.getConnection(url, user, null)) {
            c.setAutoCommit(false);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY barista_predictions (request_id, model,"
                    + " version, principal, created_at, latency_micros, input, output, feedback, feedback_at, feedback_by)"
                    + " FROM STDIN");
            StringBuilder chunk = new StringBuilder(1 << 22);
            for (int n = 1; n <= ROWS; n++) {
                Row r = rows.next();
                chunk.append(text(r.requestId())).append('\t').append(text(r.model())).append('\t')
                        .append(text(r.version())).append('\t').append(text(r.principal())).append('\t')
                        .append(r.createdAt()).append('\t').append(r.latencyMicros()).append('\t')
                        .append(text(r.input())).append('\t').append(text(r.output())).append('\t')
                        .append(text(r.feedback())).append('\t')
                        .append(r.feedbackAt() == null ? "\\N" : Long.toString(r.feedbackAt())).append('\t')
                        .append(text(r.feedbackBy())).append('\n');
                if (n % 20_000 == 0 || n == ROWS) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
            }
            copy.endCopy();
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE barista_predictions");
            }
        }
    }

    /** A value in COPY's text format. */
    private static String text(String v) {
        if (v == null) {
            return "\\N";
        }
        return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    // ---- measuring -----------------------------------------------------------------------------

    record Figures(double paintMedian, double paintP90, double serverMedian, double browserMedian, double htmlKib) {
    }

    private static Map<String, Figures> measure(String base) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        try {
            Page page = signIn(context, base);
            page.navigate(base + "/admin/predictions");
            String older = page.getAttribute("#older", "href");
            assertThat(older).as("the log's first page links to older entries").contains("before=");
            page.navigate(base + "/admin/predictions?model=" + FILTER_MODEL);
            assertThat(page.locator("#predictions tbody tr").count()).isEqualTo(50);

            Map<String, Figures> out = new LinkedHashMap<>();
            for (String path : List.of("/admin", "/admin/predictions", "/admin/predictions?model=" + FILTER_MODEL, older,
                    "/admin/models", "/admin/users", "/admin/keys")) {
                List<Double> paints = new ArrayList<>();
                List<Double> servers = new ArrayList<>();
                List<Double> browserTimes = new ArrayList<>();
                double bytes = 0;
                for (int i = 0; i < LOADS; i++) {
                    var response = page.navigate(base + path);
                    assertThat(response.status()).as(path).isEqualTo(200);
                    assertThat(page.url()).as(path + " (not sent to sign in)").doesNotContain("/admin/login");
                    // a promise, not waitForFunction: the admin's CSP has no 'unsafe-eval'
                    @SuppressWarnings("unchecked")
                    Map<String, Object> t = (Map<String, Object>) page.evaluate("() => new Promise((resolve, reject) => {"
                            + " const done = () => {"
                            + "   const fcp = performance.getEntriesByName('first-contentful-paint')[0]"
                            + "     || performance.getEntriesByName('first-paint')[0];"
                            + "   if (!fcp) return false;"
                            + "   const nav = performance.getEntriesByType('navigation')[0];"
                            + "   resolve({ paint: fcp.startTime, server: nav.responseEnd - nav.requestStart,"
                            + "     browser: fcp.startTime - nav.responseEnd, bytes: nav.decodedBodySize });"
                            + "   return true; };"
                            + " if (done()) return;"
                            + " new PerformanceObserver(() => done()).observe({ type: 'paint', buffered: true });"
                            + " setTimeout(() => done() || reject(new Error('no paint entry in 5 s')), 5000); })");
                    if (i >= WARMUP) {
                        paints.add(((Number) t.get("paint")).doubleValue());
                        servers.add(((Number) t.get("server")).doubleValue());
                        browserTimes.add(((Number) t.get("browser")).doubleValue());
                        bytes = ((Number) t.get("bytes")).doubleValue();
                    }
                }
                out.put(path, new Figures(median(paints), p90(paints), median(servers), median(browserTimes), bytes / 1024));
            }
            return out;
        } finally {
            context.close();
        }
    }

    /** A page of {@code context} signed in as the admin, on the dashboard. */
    private static Page signIn(BrowserContext context, String base) {
        Page page = context.newPage();
        page.navigate(base + "/admin/login?next=%2Fadmin");
        page.fill("input[name=username]", "admin");
        page.fill("input[name=password]", PASSWORD);
        page.click("button:has-text('Sign in')");
        page.waitForURL(base + "/admin");
        return page;
    }

    /**
     * Downloads the unfiltered CSV export with a signed-in session's cookie: rows, time to the
     * first byte and to the end, and the most heap in use meanwhile (sampled every 20 ms; this
     * JVM runs the server and the test).
     */
    private static String export(String base) throws Exception {
        String cookie;
        try (BrowserContext context = browser.newContext()) {
            signIn(context, base);
            cookie = context.cookies().stream().map(c -> c.name + "=" + c.value).collect(Collectors.joining("; "));
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        HttpClient http = HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/predictions.csv"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofInputStream());
        double firstByte = Double.NaN;
        long bytes = 0;
        long lines = 0;
        try (InputStream in = r.body()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                if (Double.isNaN(firstByte)) {
                    firstByte = (System.nanoTime() - t0) / 1e6;
                }
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        assertThat(r.statusCode()).isEqualTo(200);
        return String.format(Locale.ROOT, "%,d lines (%,.0f MB) in %.1f s (%,.0f rows/s), first byte after %.0f ms,"
                + " heap in use at most %,.0f MB above the %,.0f MB before", lines, bytes / 1e6, seconds,
                lines / seconds, firstByte, (peak.get() - heapBefore) / 1e6, heapBefore / 1e6);
    }

    static double median(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Nearest rank. */
    static double p90(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        return s.get((int) Math.ceil(0.9 * s.size()) - 1);
    }

    // ---- query plans ---------------------------------------------------------------------------

    /** The plans of the three log pages' queries: newest, one model, and older than the first page. */
    private static Map<String, String> plans(String url, String user) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, null)) {
            long before;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM barista_predictions ORDER BY id DESC LIMIT 1 OFFSET 49")) {
                rs.next();
                before = rs.getLong(1);
            }
            String order = " ORDER BY id DESC LIMIT 51";
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("/admin/predictions", PAGE_SQL + order);
            queries.put("/admin/predictions?model=" + FILTER_MODEL, PAGE_SQL + " WHERE model = '" + FILTER_MODEL + "'" + order);
            queries.put("/admin/predictions?before=" + before, PAGE_SQL + " WHERE id < " + before + order);
            for (Map.Entry<String, String> q : queries.entrySet()) {
                String explain = (user == null ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + q.getValue();
                StringBuilder plan = new StringBuilder();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(explain)) {
                    while (rs.next()) {
                        plan.append(rs.getString(user == null ? 4 : 1)).append('\n');
                    }
                }
                out.put(q.getKey(), plan.toString());
            }
        }
        return out;
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try {
            String[] f = Files.readString(Paths.get("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | UncheckedIOException e) {
            return String.format(Locale.ROOT, "%.2f", load);
        }
    }
}
