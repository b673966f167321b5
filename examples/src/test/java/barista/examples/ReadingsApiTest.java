package barista.examples;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.auth.Auth;
import barista.data.Database;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's readings example: many rows in one request, stored as one transaction on both databases. */
class ReadingsApiTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_batch_of_readings_is_stored_and_an_invalid_batch_is_refused_whole(String store) {
        try (ExampleDatabase db = ExampleDatabase.of(store, dir)) {
            Barista app = db.app(ReadingsApi::install);
            Auth auth = Auth.of(app);
            auth.users().create("device", "correct horse battery", Set.of());
            String key = auth.apiKeys().create("device", "sensor box", null).key();
            var client = TestClient.inProcess(app);
            List<Map<String, Object>> readings = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                readings.add(Map.of("sensor", i % 2 == 0 ? "t1" : "t2\t'); DROP TABLE readings; --",
                        "takenAt", "2026-11-27T12:00:" + String.format("%02d", i % 60) + "Z", "value", i / 4.0));
            }

            assertThat(client.post("/readings", Map.of("readings", readings)).status()).isEqualTo(401);
            var stored = client.request("POST", "/readings").header("X-API-Key", key)
                    .json(Map.of("readings", readings)).send();
            assertThat(stored.status()).isEqualTo(201);
            assertThat(stored.json().get("stored").asInt()).isEqualTo(500);
            assertThat(count(app, "t2\t'); DROP TABLE readings; --")).isEqualTo(250);
            assertThat(sum(app)).isEqualTo(readings.stream().mapToDouble(r -> (Double) r.get("value")).sum());

            List<Map<String, Object>> oneBad = new ArrayList<>(readings.subList(0, 3));
            oneBad.add(Map.of("sensor", " ", "takenAt", "2026-11-27T12:00:00Z", "value", 1.0));
            var invalid = client.request("POST", "/readings").header("X-API-Key", key)
                    .json(Map.of("readings", oneBad)).send();
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.json().get("errors").get(0).get("location").toString())
                    .isEqualTo("[\"body\",\"readings\",3,\"sensor\"]");
            assertThat(client.request("POST", "/readings").header("X-API-Key", key)
                    .json(Map.of("readings", List.of())).send().status()).isEqualTo(422);
            var nan = client.request("POST", "/readings").header("X-API-Key", key).json(Map.of("readings",
                    List.of(Map.of("sensor", "t1", "takenAt", "2026-11-27T12:00:00Z", "value", "NaN")))).send();
            assertThat(nan.status()).isEqualTo(422);
            assertThat(nan.text()).contains("value must be a finite number");
            assertThat(count(app, "t1")).isEqualTo(250);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void every_reading_downloads_as_csv_over_a_socket(String store) {
        try (ExampleDatabase db = ExampleDatabase.of(store, dir)) {
            Barista app = db.app(a -> {
                ReadingsApi.install(a);
                ReadingsApi.installExport(a);
            });
            Auth auth = Auth.of(app);
            auth.users().create("device", "correct horse battery", Set.of());
            String key = auth.apiKeys().create("device", "sensor box", null).key();
            try (var client = TestClient.overSocket(app)) {
                for (int batch = 0; batch < 3; batch++) {
                    List<Map<String, Object>> readings = new ArrayList<>();
                    for (int i = 0; i < 10_000; i++) {
                        readings.add(Map.of("sensor", i == 0 ? "hall, \"north\"" : "t" + (i % 7),
                                "takenAt", "2026-11-27T12:00:00Z", "value", batch * 10_000 + i));
                    }
                    assertThat(client.request("POST", "/readings").header("X-API-Key", key)
                            .json(Map.of("readings", readings)).send().status()).isEqualTo(201);
                }

                assertThat(client.get("/readings.csv").status()).isEqualTo(401);
                var csv = client.request("GET", "/readings.csv").header("X-API-Key", key).send();
                assertThat(csv.status()).isEqualTo(200);
                assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
                String[] lines = csv.text().split("\r\n");
                assertThat(lines).hasSize(30_001);
                assertThat(lines[0]).isEqualTo("sensor,taken_at,value");
                assertThat(lines[1]).isEqualTo("\"hall, \"\"north\"\"\",2026-11-27T12:00:00Z,0.0");
                assertThat(lines[30_000]).isEqualTo("\"t3\",2026-11-27T12:00:00Z,29999.0");
            }
        }
    }

    private static long count(Barista app, String sensor) {
        return Database.of(app).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM readings WHERE sensor = :s")
                .bind("s", sensor).mapTo(Long.class).one());
    }

    private static double sum(Barista app) {
        return Database.of(app).withHandle(h -> h.createQuery("SELECT SUM(value) FROM readings")
                .mapTo(Double.class).one());
    }
}
