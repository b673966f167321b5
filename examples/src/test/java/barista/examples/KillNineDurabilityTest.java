package barista.examples;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.inference.log.PredictionLog;
import barista.inference.log.PredictionQuery;
import barista.test.TestPostgres;
import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The durable log's promise under a crash: the demo server runs in its own JVM under a load of
 * predictions, gets {@code kill -9} mid-load, and every prediction that was answered 2xx must
 * be in the log when the app is started again on the same database. Tries per database:
 * {@code -Dbarista.durability.tries} (2 here; {@code bin/barista bench-durability} runs 10).
 */
class KillNineDurabilityTest {
    private static final int TRIES = Integer.getInteger("barista.durability.tries", 2);
    private static final String ROW = "{\"inputs\": [[5.1, 3.5, 1.4, 0.2]]}";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void every_acknowledged_prediction_survives_kill_9(String store) throws Exception {
        DemoModels.writeIris(dir.resolve("models"), "1");
        for (int i = 0; i < TRIES; i++) {
            try (TestPostgres pg = store.equals("postgresql") ? TestPostgres.schema() : null) {
                String url = pg != null ? pg.url() : "jdbc:sqlite:" + dir.resolve("crash-" + i + ".db");
                Result r = crashUnderLoad(url);
                Set<String> logged = loggedIds(url);
                List<String> lost = r.acknowledged().stream().filter(id -> !logged.contains(id)).toList();
                System.out.printf("kill -9 try %d (%s): %d acknowledged, %d logged, %d lost%n",
                        i + 1, store, r.acknowledged().size(), logged.size(), lost.size());
                assertThat(r.acknowledged()).as("predictions answered before the kill").hasSizeGreaterThan(50);
                assertThat(lost).as("acknowledged predictions missing from the log").isEmpty();
            }
        }
    }

    record Result(Set<String> acknowledged) {
    }

    /** Starts the server, loads it from 16 clients, kills it with SIGKILL about a second in. */
    private Result crashUnderLoad(String url) throws Exception {
        int port = freePort();
        Process server = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED",
                "-Dbarista.port=" + port, "-Dbarista.request-log=false",
                "-Dbarista.models.dir=" + dir.resolve("models"), "-Dbarista.models.watch=off",
                "-Dbarista.data.url=" + url, "-Dbarista.data.user=" + TestPostgres.USER,
                "-Dbarista.data.dir=" + dir.resolve("data"),
                DemoServer.class.getName())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            awaitReady(http, port, server);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    while (running.get()) {
                        String id = "k9-" + sequence.incrementAndGet();
                        try {
                            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/models/iris/predict"))
                                    .header("Content-Type", "application/json").header("X-Request-Id", id)
                                    .timeout(Duration.ofSeconds(5))
                                    .POST(HttpRequest.BodyPublishers.ofString(ROW)).build(), HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() / 100 == 2) {
                                acknowledged.add(id);
                            }
                        } catch (IOException | InterruptedException e) {
                            return; // the server is gone: this request was never acknowledged
                        }
                    }
                }));
            }
            Thread.sleep(1000);
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
            server.waitFor();
            running.set(false);
            for (Thread t : clients) {
                t.join();
            }
            return new Result(Set.copyOf(acknowledged));
        } finally {
            server.destroyForcibly();
        }
    }

    /**
     * Starts the app again on the same database, as an operator would after the crash, and reads
     * every request id its prediction log holds, through the log's own export.
     */
    private Set<String> loggedIds(String url) {
        Barista restarted = Barista.create(cfg -> cfg.port(0).requestLog(false).property("barista.data.url", url)
                .property("barista.data.user", TestPostgres.USER).property("barista.data.dir", dir.resolve("data").toString())
                .property("barista.models.enabled", "false")).start();
        try {
            StringWriter csv = new StringWriter();
            PredictionLog.of(restarted).writeCsv(PredictionQuery.all(), csv);
            Set<String> ids = new HashSet<>();
            csv.toString().lines().skip(1).forEach(line -> ids.add(line.split(",", 3)[1])); // id,request_id,...
            return ids;
        } finally {
            restarted.stop();
        }
    }

    private static void awaitReady(HttpClient http, int port, Process server) throws Exception {
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited: " + server.exitValue());
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("server not ready within 30 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
