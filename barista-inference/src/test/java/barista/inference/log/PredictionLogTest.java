package barista.inference.log;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.access.Principal;
import barista.inference.log.LogApps.Store;
import barista.test.TestClient;
import barista.test.TestPostgres;
import barista.test.TestPrincipal;
import barista.test.TestResponse;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** The durable prediction log on both databases: what is kept, when, and what reads it back. */
class PredictionLogTest {
    private static final Map<String, Object> ROW = Map.of("inputs", List.of(List.of(5.1, 3.5, 1.4, 0.2)));
    private static final barista.inference.tensor.Tensor ROW_TENSOR =
            barista.inference.tensor.Tensor.ofFloats(new float[][] {{5.1f, 3.5f, 1.4f, 0.2f}});

    @TempDir
    Path dir;
    private Barista app;
    private TestPostgres pg;

    private Barista start(Store store) {
        return start(store, cfg -> { });
    }

    private Barista start(Store store, java.util.function.Consumer<barista.Config.Builder> more) {
        pg = store == Store.POSTGRESQL ? TestPostgres.schema() : null;
        app = LogApps.app(store, dir, pg, more);
        return app;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (pg != null) {
            pg.close();
        }
    }

    private static TestResponse predict(TestClient client, String requestId) {
        return client.request("POST", "/models/iris/predict").header("X-Request-Id", requestId).json(ROW).send();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void an_answered_prediction_is_already_in_the_log(Store store) {
        try (var client = TestClient.overSocket(start(store))) {
            TestResponse r = predict(client, "req-1");
            assertThat(r.status()).isEqualTo(200);

            LoggedPrediction p = PredictionLog.of(app).find("req-1").orElseThrow();
            assertThat(p.model()).isEqualTo("iris");
            assertThat(p.version()).isEqualTo("1");
            assertThat(p.principal()).isEqualTo("anonymous");
            assertThat(p.input()).isEqualTo("{\"input\":[[5.1,3.5,1.4,0.2]]}");
            assertThat(p.output()).startsWith("{\"output\":[[");
            assertThat(p.latencyMicros()).isPositive();
            assertThat(p.feedback()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void a_logged_prediction_continues_off_the_writer_so_a_chain_may_wait_on_another(Store store) throws Exception {
        start(store);
        barista.inference.Model iris = barista.inference.Models.of(app).model("iris");
        // the second prediction's commit needs the writer, so this would hang for good if the
        // first one's chain ran on the writer thread
        CompletableFuture<String> chained = iris.predict(ROW_TENSOR).thenApply(first -> {
            iris.predict(ROW_TENSOR).join();
            return Thread.currentThread().getName();
        });
        String thread = chained.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(thread).doesNotStartWith("barista-prediction-log-"); // the writer threads
        assertThat(PredictionLog.of(app).stats().entries()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void concurrent_predictions_share_commits(Store store) throws Exception {
        start(store);
        try (var client = TestClient.overSocket(app); var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            predict(client, "warm");
            long commitsBefore = PredictionLog.of(app).stats().commits();
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = "c-" + i;
                calls.add(CompletableFuture.supplyAsync(() -> predict(client, id).status(), pool));
            }
            for (var call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
            LogStats stats = PredictionLog.of(app).stats();
            assertThat(stats.entries()).isEqualTo(201);
            assertThat(stats.commits() - commitsBefore).isLessThan(200);
            assertThat(PredictionLog.of(app).search(PredictionQuery.all().withLimit(1000)).items()).hasSize(201);
        }
    }

    /**
     * Starts iris batching exactly 8 rows a call (waiting up to 5 s for them), with more of its
     * config.json after the batching ({@code ", \"log\": ..."}), and returns it.
     */
    private barista.inference.Model startIris(Store store, String moreConfig) throws java.io.IOException {
        Path models = dir.resolve("models");
        barista.demo.models.DemoModels.writeIris(models, "1");
        Files.writeString(models.resolve("iris/config.json"),
                "{\"batching\": {\"maxBatchSize\": 8, \"maxQueueDelayMicros\": 5000000}" + moreConfig + "}");
        start(store);
        return barista.inference.Models.of(app).model("iris");
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void the_predictions_of_one_batch_share_one_commit(Store store) throws Exception {
        // eight requests fill a batch at once; the long delay only matters if one went missing
        barista.inference.Model iris = startIris(store, "");
        long commitsBefore = PredictionLog.of(app).stats().commits();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(iris.predict(ROW_TENSOR));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(20, java.util.concurrent.TimeUnit.SECONDS);

        LogStats stats = PredictionLog.of(app).stats();
        assertThat(stats.entries()).isEqualTo(8);
        // the writer wakes at the first entry; before, it committed that one alone
        long batches = barista.observe.Metrics.of(app).registry().find("barista.model.batch.size").summary().count();
        assertThat(stats.commits() - commitsBefore).as("commits, for %s model batches", batches).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void an_unlogged_prediction_may_wait_for_a_logged_one_of_its_batch(Store store) throws Exception {
        // half are logged, at random; an unlogged one completes on the model's worker, which holds
        // the batch's entries back for one commit: if it completed before they were queued,
        // waiting there for a logged one would hang
        barista.inference.Model iris = startIris(store, ", \"log\": {\"sample\": 0.5}");
        long mixed = 0;
        for (int attempt = 0; attempt < 10 && mixed == 0; attempt++) {
            long before = PredictionLog.of(app).stats().entries();
            List<CompletableFuture<barista.inference.Prediction>> batch = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                batch.add(iris.predict(ROW_TENSOR));
            }
            List<CompletableFuture<Object>> waits = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                // each waits for those before it in the batch: an unlogged one is answered on the
                // worker, in order, so waiting for a later one there would block the worker itself
                CompletableFuture<?> earlier = CompletableFuture.allOf(batch.subList(0, i).toArray(CompletableFuture[]::new));
                waits.add(batch.get(i).thenApply(x -> earlier.join()));
            }
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(20, java.util.concurrent.TimeUnit.SECONDS);
            long logged = PredictionLog.of(app).stats().entries() - before;
            mixed = logged > 0 && logged < 8 ? logged : 0; // else all or none were sampled: try again
        }
        assertThat(mixed).as("a batch with logged and unlogged predictions").isPositive();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void a_model_can_switch_its_log_off_or_sample_it(Store store) throws Exception {
        Path models = dir.resolve("models");
        barista.demo.models.DemoModels.writeIris(models, "1");
        Files.writeString(models.resolve("iris/config.json"), "{\"labels\": [\"setosa\", \"versicolor\", \"virginica\"],"
                + " \"log\": {\"enabled\": false}}");
        try (var client = TestClient.overSocket(start(store))) {
            assertThat(predict(client, "off-1").status()).isEqualTo(200);
            assertThat(PredictionLog.of(app).find("off-1")).isEmpty();
        }
        app.stop();
        app = null;
        if (pg != null) {
            pg.close();
        }
        Files.writeString(models.resolve("iris/config.json"), "{\"log\": {\"sample\": 0}}");
        try (var client = TestClient.overSocket(start(store))) {
            for (int i = 0; i < 20; i++) {
                assertThat(predict(client, "s-" + i).status()).isEqualTo(200);
            }
            assertThat(PredictionLog.of(app).stats().entries()).isZero();
        }
    }

    @Test
    void the_app_wide_settings_switch_the_log_off_or_sample_it_and_a_sampled_app_lets_a_model_opt_in() throws Exception {
        Path models = dir.resolve("models");
        barista.demo.models.DemoModels.writeIris(models, "1");
        barista.demo.models.DemoModels.writeDigits(models, "1");
        Files.writeString(models.resolve("digits/config.json"), "{\"log\": {\"enabled\": true, \"sample\": 1}}");
        var digitsRow = Map.of("inputs", List.of(java.util.Collections.nCopies(64, 0.0)));
        try (var client = TestClient.overSocket(start(Store.SQLITE, cfg -> cfg.property("barista.predictions.log", "false")))) {
            assertThat(predict(client, "app-off-1").status()).isEqualTo(200);
            assertThat(client.request("POST", "/models/digits/predict").header("X-Request-Id", "digits-off-1")
                    .json(digitsRow).send().status()).isEqualTo(200);
            // off for the app means no log at all, whatever a model says: an app can serve models with no database
            assertThat(PredictionLog.of(app).find("app-off-1")).isEmpty();
            assertThat(PredictionLog.of(app).find("digits-off-1")).isEmpty();
        }
        app.stop();
        app = null;
        try (var client = TestClient.overSocket(start(Store.SQLITE, cfg -> cfg.property("barista.predictions.sample", "0")))) {
            for (int i = 0; i < 20; i++) {
                assertThat(predict(client, "app-s-" + i).status()).isEqualTo(200);
            }
            assertThat(client.request("POST", "/models/digits/predict").header("X-Request-Id", "digits-on-1")
                    .json(digitsRow).send().status()).isEqualTo(200);
            assertThat(PredictionLog.of(app).search(PredictionQuery.all().withModel("iris")).items()).isEmpty();
            assertThat(PredictionLog.of(app).find("digits-on-1")).as("the model's own sample wins").isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void feedback_attaches_a_label_by_request_id(Store store) {
        var client = TestClient.inProcess(start(store));
        assertThat(predict(client, "fb-1").status()).isEqualTo(200);

        var ok = client.request("POST", "/predictions/fb-1/feedback").json(Map.of("label", "setosa")).send();
        assertThat(ok.status()).isEqualTo(204);
        LoggedPrediction p = PredictionLog.of(app).find("fb-1").orElseThrow();
        assertThat(p.feedback()).isEqualTo("\"setosa\"");
        assertThat(p.feedbackTime()).isNotNull();
        assertThat(p.feedbackBy()).isEqualTo("anonymous");

        assertThat(client.request("POST", "/predictions/nope/feedback").json(Map.of("label", 1)).send().status()).isEqualTo(404);
        assertThat(client.request("POST", "/predictions/fb-1/feedback").json(Map.of()).send().status()).isEqualTo(422);
        var nullLabel = client.request("POST", "/predictions/fb-1/feedback").jsonText("{\"label\": null}").send();
        assertThat(nullLabel.status()).isEqualTo(422);
        var absent = client.request("POST", "/predictions/fb-1/feedback").json(Map.of()).send();
        assertThat(nullLabel.json().get("errors")).isEqualTo(absent.json().get("errors")); // one answer for both
        assertThat(nullLabel.json().get("errors").get(0).get("location").toString()).isEqualTo("[\"body\",\"label\"]");
        assertThat(PredictionLog.of(app).find("fb-1").orElseThrow().feedback()).isEqualTo("\"setosa\"");
        var sql = client.request("POST", "/predictions/x'%20OR%20'1'='1/feedback").json(Map.of("label", 1)).send();
        assertThat(sql.status()).isEqualTo(404);
        assertThat(PredictionLog.of(app).search(PredictionQuery.all().withFeedback(true)).items()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void an_anonymous_caller_labels_once_because_every_anonymous_caller_is_the_same_caller(Store store) {
        var client = TestClient.inProcess(start(store));
        assertThat(predict(client, "fb-anon").status()).isEqualTo(200);
        assertThat(client.request("POST", "/predictions/fb-anon/feedback").json(Map.of("label", "setosa")).send()
                .status()).isEqualTo(204);

        var again = client.request("POST", "/predictions/fb-anon/feedback").json(Map.of("label", "virginica")).send();

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("an anonymous caller can't replace it");
        assertThat(PredictionLog.of(app).find("fb-anon").orElseThrow().feedback()).isEqualTo("\"setosa\"");
        assertThat(client.request("POST", "/predictions/unknown/feedback").json(Map.of("label", 1)).send().status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void search_filters_pages_by_keyset_and_treats_sql_as_text(Store store) {
        var client = TestClient.inProcess(start(store));
        for (int i = 0; i < 7; i++) {
            assertThat(predict(client, "p-" + i).status()).isEqualTo(200);
        }
        PredictionLog log = PredictionLog.of(app);
        PredictionPage first = log.search(PredictionQuery.all().withModel("iris").withLimit(3));
        assertThat(first.items()).extracting(LoggedPrediction::requestId).containsExactly("p-6", "p-5", "p-4");
        PredictionPage second = log.search(PredictionQuery.all().withModel("iris").withLimit(3).withBefore(first.next()));
        assertThat(second.items()).extracting(LoggedPrediction::requestId).containsExactly("p-3", "p-2", "p-1");
        PredictionPage last = log.search(PredictionQuery.all().withLimit(3).withBefore(second.next()));
        assertThat(last.items()).extracting(LoggedPrediction::requestId).containsExactly("p-0");
        assertThat(last.next()).isNull();

        assertThat(log.search(PredictionQuery.all().withText("p-3")).items()).hasSize(1);
        assertThat(log.search(PredictionQuery.all().withText("5.1,3.5")).items()).hasSize(7);
        assertThat(log.search(PredictionQuery.all().withText("\"INPUT\"")).items()).as("case is ignored on both").hasSize(7);
        assertThat(log.search(PredictionQuery.all().withText("%")).items()).isEmpty();
        assertThat(log.search(PredictionQuery.all().withText("' OR '1'='1")).items()).isEmpty();
        assertThat(log.search(PredictionQuery.all().withModel("iris' OR '1'='1")).items()).isEmpty();
        assertThat(log.search(PredictionQuery.all().withModel("digits")).items()).isEmpty();
        assertThat(log.search(PredictionQuery.all().withPrincipal("anonymous").withVersion("1")).items()).hasSize(7);
        assertThat(log.search(PredictionQuery.all().withTime(java.time.Instant.now().plusSeconds(60), null)).items()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void the_csv_export_has_a_header_and_every_match(Store store) {
        var client = TestClient.inProcess(start(store));
        for (int i = 0; i < 3; i++) {
            predict(client, "csv-" + i);
        }
        StringWriter out = new StringWriter();
        PredictionLog.of(app).writeCsv(PredictionQuery.all().withLimit(1), out);
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,request_id,time,model,version,principal,latency_ms,input,output,feedback,feedback_time,feedback_by");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).contains(",csv-2,").contains(",\"{\"\"input\"\":[[5.1,3.5,1.4,0.2]]}\",");
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void a_user_labels_the_predictions_made_with_any_of_their_keys_and_nobody_elses(Store store) throws Exception {
        start(store);
        PredictionLog log = PredictionLog.of(app);
        for (String who : List.of("alice/key:k1", "alicex/key:k2", "Alice", "anonymous")) {
            log.record("made-by-" + who, who, 100, Map.of("input", ROW_TENSOR),
                    new barista.inference.Prediction("iris", "1", Map.of("output", ROW_TENSOR), List.of())).get();
        }

        assertThat(log.feedback("made-by-alice/key:k1", "1", TestPrincipal.named("alice"))).isEqualTo(1); // her session
        assertThat(log.feedback("made-by-alice/key:k1", "2", key("alice", "k9"))).isEqualTo(1); // another key
        assertThat(log.find("made-by-alice/key:k1").orElseThrow().feedback()).isEqualTo("2");
        for (String other : List.of("made-by-alicex/key:k2", "made-by-Alice", "made-by-anonymous")) {
            assertThat(log.feedback(other, "3", TestPrincipal.named("alice"))).as(other).isZero();
            assertThat(log.find(other).orElseThrow().feedback()).as(other).isNull();
        }
        var editor = new TestPrincipal("editor", Set.of(), Set.of("predictions:write"));
        assertThat(log.feedback("made-by-anonymous", "4", editor)).isEqualTo(1);
        assertThat(log.feedback("made-by-anonymous", "5", editor)).isEqualTo(1); // may replace what anyone gave
        assertThat(log.find("made-by-anonymous").orElseThrow().feedback()).isEqualTo("5");
    }

    /** {@code user} calling with one of their API keys, named as barista-auth names them. */
    private static Principal key(String user, String keyId) {
        return new TestPrincipal(user + "/key:" + keyId, user, Set.of(), Set.of());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void a_user_name_finds_the_users_calls_with_any_of_their_keys(Store store) {
        start(store);
        PredictionLog log = PredictionLog.of(app);
        List<CompletableFuture<?>> logged = new ArrayList<>();
        for (String who : List.of("alice", "alice/key:k1", "alice/key:k2", "alice_b", "alicex/key:k3", "bob/key:k4",
                "Alice/key:k5")) {
            logged.add(log.record("by-" + who, who, 100, Map.of("input", ROW_TENSOR),
                    new barista.inference.Prediction("iris", "1", Map.of("output", ROW_TENSOR), List.of())));
        }
        CompletableFuture.allOf(logged.toArray(CompletableFuture[]::new)).join();

        assertThat(log.search(PredictionQuery.all().withPrincipal("alice")).items())
                .extracting(LoggedPrediction::principal).containsExactlyInAnyOrder("alice", "alice/key:k1", "alice/key:k2");
        assertThat(log.search(PredictionQuery.all().withPrincipal("alice/key:k2")).items())
                .extracting(LoggedPrediction::principal).containsExactly("alice/key:k2");
        assertThat(log.search(PredictionQuery.all().withPrincipal("alice_")).items()).isEmpty(); // _ is not a wildcard
        assertThat(log.search(PredictionQuery.all().withPrincipal("Alice")).items()) // names are case-sensitive
                .extracting(LoggedPrediction::principal).containsExactly("Alice/key:k5");
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void the_csv_export_reads_page_after_page_newest_first_and_stops_at_its_limit(Store store) {
        start(store);
        PredictionLog log = PredictionLog.of(app);
        int n = 2 * PredictionLog.EXPORT_PAGE + 345;
        List<CompletableFuture<?>> logged = new ArrayList<>();
        for (int i = 0; i < n; i++) { // not joined one by one: they share commits
            logged.add(log.record("page-" + i, i % 3 == 0 ? "alice" : "bob", 100, Map.of("input", ROW_TENSOR),
                    new barista.inference.Prediction("iris", "1", Map.of("output", ROW_TENSOR), List.of())));
        }
        CompletableFuture.allOf(logged.toArray(CompletableFuture[]::new)).join();

        List<Long> ids = csvIds(log, PredictionQuery.all(), 0);
        assertThat(ids).hasSize(n).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(csvIds(log, PredictionQuery.all().withPrincipal("alice"), 0)).hasSize((n + 2) / 3);

        StringWriter out = new StringWriter();
        CsvExport cut = log.writeCsv(PredictionQuery.all(), out, PredictionLog.EXPORT_PAGE + 1, 0);
        assertThat(cut).isEqualTo(new CsvExport(PredictionLog.EXPORT_PAGE + 1, true));
        assertThat(out.toString().split("\r\n")).hasSize(PredictionLog.EXPORT_PAGE + 2);
        assertThat(log.writeCsv(PredictionQuery.all(), new StringWriter(), n, 0)).isEqualTo(new CsvExport(n, false));
    }

    private static List<Long> csvIds(PredictionLog log, PredictionQuery q, long maxRows) {
        StringWriter out = new StringWriter();
        log.writeCsv(q, out, maxRows, 0);
        return java.util.Arrays.stream(out.toString().split("\r\n")).skip(1)
                .map(line -> Long.parseLong(line.substring(0, line.indexOf(',')))).toList();
    }

    @org.junit.jupiter.api.Test
    void csv_cells_quote_separators_and_defuse_formulas() {
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"\nbye")).isEqualTo("\"say \"\"hi\"\"\nbye\"");
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("  =1+1")).isEqualTo("'  =1+1");
        assertThat(Csv.cell(" ")).isEqualTo(" ");
        assertThat(Csv.cell(null)).isEmpty();
    }
}
