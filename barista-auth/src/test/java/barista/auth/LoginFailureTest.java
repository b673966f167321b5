package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static barista.auth.Fixtures.login;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed login says the same thing whatever failed, and repeated failures are slowed down. */
class LoginFailureTest {
    @TempDir
    Path dir;

    @Test
    void wrong_password_and_unknown_user_get_the_same_401_body() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            Auth.of(app).users().create("ada", PASSWORD, Set.of());
            var client = TestClient.inProcess(app);
            var wrong = login(client, "ada", "not the password");
            var unknown = login(client, "nobody", "not the password");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
            assertThat(wrong.json().get("detail").asText()).isEqualTo("invalid username or password");
            assertThat(unknown.text()).isEqualTo(wrong.text());
            assertThat(wrong.header("Set-Cookie")).isNull();
            app.stop();
        }
    }

    /**
     * Coarse on purpose, for a shared machine: a sign-in for an unknown user must still pay for a
     * password hash. One that skipped it measured a few milliseconds against about eighty; the
     * bounds are wide so that only a difference of that size fails.
     */
    @Test
    void an_unknown_user_takes_about_as_long_to_refuse_as_a_wrong_password() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            for (int i = 0; i < 3; i++) {
                Auth.of(app).users().create("known" + i, PASSWORD, Set.of());
            }
            var client = TestClient.inProcess(app);
            login(client, "known0", "warm-up-guess"); // the first hash pays for the JIT
            long[] known = new long[3];
            long[] unknown = new long[3];
            for (int i = 0; i < 3; i++) { // interleaved, so a slow moment of the box hits both
                long t0 = System.nanoTime();
                assertThat(login(client, "known" + i, "not the password").status()).isEqualTo(401);
                long t1 = System.nanoTime();
                assertThat(login(client, "nobody" + i, "not the password").status()).isEqualTo(401);
                known[i] = t1 - t0;
                unknown[i] = System.nanoTime() - t1;
            }
            java.util.Arrays.sort(known);
            java.util.Arrays.sort(unknown);
            assertThat((double) unknown[1] / known[1]).as("median unknown / median known").isBetween(0.33, 5.0);
            app.stop();
        }
    }

    @Test
    void a_sign_in_for_some_users_refuses_the_others_like_a_wrong_password_and_counts_it() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            Auth.of(app).users().create("ada", PASSWORD, Set.of());
            app.post("/staff/login", ctx -> Auth.of(app).sessions()
                    .login(ctx, ctx.query("user"), PASSWORD, p -> p.hasPermission("users:manage")).username());
            var client = TestClient.inProcess(app);
            var wrong = login(client, "ada", "not the password");
            for (int i = 0; i < 4; i++) {
                var refused = client.request("POST", "/staff/login?user=ada").send();
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.json().get("detail")).isEqualTo(wrong.json().get("detail"));
                assertThat(refused.header("Set-Cookie")).isNull();
            }
            // the right password, refused four times, counted as four failures: the sixth attempt is throttled
            assertThat(login(client, "ada", PASSWORD).status()).isEqualTo(429);
            app.stop();
        }
    }

    @Test
    void the_sixth_failure_for_a_user_gets_429_with_retry_after_even_with_the_right_password() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app();
            Auth.of(app).users().create("ada", PASSWORD, Set.of());
            var client = TestClient.inProcess(app);
            for (int i = 0; i < 5; i++) {
                assertThat(login(client, "ada", "guess " + i).status()).isEqualTo(401);
            }
            var sixth = login(client, "ada", PASSWORD);
            assertThat(sixth.status()).isEqualTo(429);
            assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 900L);
            assertThat(sixth.header("Content-Type")).startsWith("application/problem+json");
            // Another user is not affected.
            assertThat(login(client, "eve", "whatever1").status()).isEqualTo(401);
            app.stop();
        }
    }

    @Test
    void addresses_a_client_puts_in_front_of_x_forwarded_for_do_not_get_it_past_the_address_limit() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app(cfg -> cfg.property("barista.auth.client-ip-header", "X-Forwarded-For"));
            Auth.of(app);
            var client = TestClient.inProcess(app);
            // The client sends a new made-up address each time; the proxy appends the one it saw.
            for (int i = 0; i < 20; i++) {
                var r = client.request("POST", "/auth/login").header("X-Forwarded-For", "10.0.0." + i + ", 203.0.113.7")
                        .json(Map.of("username", "user" + i, "password", "guess-guess")).send();
                assertThat(r.status()).isEqualTo(401);
            }
            var blocked = client.request("POST", "/auth/login").header("X-Forwarded-For", "10.9.9.9,203.0.113.7")
                    .json(Map.of("username", "fresh", "password", "guess-guess")).send();
            assertThat(blocked.status()).isEqualTo(429);
            var other = client.request("POST", "/auth/login").header("X-Forwarded-For", "203.0.113.7, 198.51.100.1")
                    .json(Map.of("username", "fresh", "password", "guess-guess")).send();
            assertThat(other.status()).isEqualTo(401);
            // a proxy that adds a line of its own instead of appending to the client's
            var ownLine = client.request("POST", "/auth/login").header("X-Forwarded-For", "10.1.1.1")
                    .header("X-Forwarded-For", "203.0.113.7")
                    .json(Map.of("username", "fresh", "password", "guess-guess")).send();
            assertThat(ownLine.status()).isEqualTo(429);
            app.stop();
        }
    }

    @Test
    void twenty_failures_from_one_client_address_throttle_that_address_when_a_trusted_proxy_header_is_set() {
        try (var scratch = TestDatabase.SQLITE.scratch(dir)) {
            Barista app = scratch.app(cfg -> cfg.property("barista.auth.client-ip-header", "X-Real-IP"));
            Auth.of(app);
            var client = TestClient.inProcess(app);
            for (int i = 0; i < 20; i++) {
                var r = client.request("POST", "/auth/login").header("X-Real-IP", "203.0.113.7")
                        .json(Map.of("username", "user" + i, "password", "guess-guess")).send();
                assertThat(r.status()).isEqualTo(401);
            }
            var blocked = client.request("POST", "/auth/login").header("X-Real-IP", "203.0.113.7")
                    .json(Map.of("username", "fresh", "password", "guess-guess")).send();
            assertThat(blocked.status()).isEqualTo(429);
            var other = client.request("POST", "/auth/login").header("X-Real-IP", "198.51.100.1")
                    .json(Map.of("username", "fresh", "password", "guess-guess")).send();
            assertThat(other.status()).isEqualTo(401);
            app.stop();
        }
    }
}
