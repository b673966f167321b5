package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static barista.auth.Fixtures.login;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.data.Database;
import barista.http.HttpError;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A burst of parallel guesses can't all slip past the throttle while the first ones are still
 * hashing: an attempt counts when it starts, not when its ~80 ms Argon2 ends. The counts are in the
 * database, so guesses spread over nodes share one limit.
 */
class ParallelGuessThrottleTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void parallel_attempts_for_one_user_are_counted_before_the_password_is_checked(TestDatabase db) throws Exception {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app();
            Auth.of(app); // its migrations make the throttle's table
            LoginThrottle throttle = new LoginThrottle(Database.of(app));
            int threads = 40;
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger admitted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> all = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    all.add(pool.submit(() -> {
                        go.await();
                        try {
                            throttle.begin("ada", "203.0.113.7");
                            admitted.incrementAndGet(); // then "fails": begin() already counted it
                        } catch (HttpError e) {
                            assertThat(e.status()).isEqualTo(429);
                            assertThat(Long.parseLong(e.headers().get("Retry-After"))).isBetween(1L, 900L);
                            refused.incrementAndGet();
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : all) {
                    f.get();
                }
            }
            assertThat(admitted.get()).isEqualTo(LoginThrottle.PER_USER);
            assertThat(refused.get()).isEqualTo(threads - LoginThrottle.PER_USER);
            app.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_success_takes_back_its_own_count_so_a_right_password_does_not_lock_anyone_out(TestDatabase db) {
        try (var scratch = db.scratch(dir)) {
            Barista app = scratch.app();
            Auth.of(app);
            LoginThrottle throttle = new LoginThrottle(Database.of(app));
            for (int i = 0; i < LoginThrottle.PER_CLIENT * 2; i++) {
                throttle.succeeded(throttle.begin("ada", "203.0.113.7"));
            }
            throttle.begin("ada", "203.0.113.7"); // neither the user nor the address is throttled
            app.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void guesses_spread_over_two_nodes_share_one_limit(TestDatabase db) throws Exception {
        try (var scratch = db.scratch(dir)) {
            Barista nodeA = scratch.app();
            Barista nodeB = scratch.app();
            Auth.of(nodeA).users().create("ada", PASSWORD, Set.of());
            Auth.of(nodeB).reload();
            List<TestClient> clients = List.of(TestClient.inProcess(nodeA), TestClient.inProcess(nodeB));
            int unauthorized = 0;
            int throttled = 0;
            for (int i = 0; i < 12; i++) {
                int status = login(clients.get(i % 2), "ada", "guess number " + i).status();
                unauthorized += status == 401 ? 1 : 0;
                throttled += status == 429 ? 1 : 0;
            }
            assertThat(unauthorized).isEqualTo(LoginThrottle.PER_USER);
            assertThat(throttled).isEqualTo(12 - LoginThrottle.PER_USER);
            nodeA.stop();
            nodeB.stop();
        }
    }

    @Test
    void parallel_wrong_passwords_over_http_get_at_most_five_401s_then_429s() throws Exception {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            Auth.of(app).users().create("ada", PASSWORD, Set.of());
            int n = 16;
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> all = new ArrayList<>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < n; i++) {
                    int guess = i;
                    all.add(pool.submit(() -> {
                        var client = TestClient.inProcess(app);
                        go.await();
                        return login(client, "ada", "guess number " + guess).status();
                    }));
                }
                go.countDown();
                int unauthorized = 0;
                int throttled = 0;
                for (Future<Integer> f : all) {
                    int status = f.get();
                    if (status == 401) {
                        unauthorized++;
                    } else if (status == 429) {
                        throttled++;
                    }
                }
                assertThat(unauthorized).isEqualTo(LoginThrottle.PER_USER);
                assertThat(throttled).isEqualTo(n - LoginThrottle.PER_USER);
            }
            app.stop();
        }
    }
}
