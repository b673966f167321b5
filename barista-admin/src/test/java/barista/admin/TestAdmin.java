package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.Config;
import barista.auth.Auth;
import barista.test.TestClient;
import barista.test.TestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An app with the admin on a SQLite file in a test's temp dir, its auth, an in-process client,
 * and browsers that sign in through the real login form.
 */
final class TestAdmin implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final Barista app;
    final TestClient client;

    private TestAdmin(Barista app) {
        this.app = app;
        this.client = TestClient.inProcess(app);
    }

    static TestAdmin start(Path dir) {
        return start(dir, cfg -> { });
    }

    /** The app is made, its auth opened (so users can be created), then frozen by the client. */
    static TestAdmin start(Path dir, Consumer<Config.Builder> more) {
        Barista app = Barista.create(cfg -> {
            cfg.port(0).requestLog(false)
                    .property("barista.data.url", "jdbc:sqlite:" + dir.resolve("admin.db"))
                    .property("barista.models.dir", dir.resolve("models").toString())
                    .property("barista.auth.cookie-secure", "false");
            more.accept(cfg);
        });
        Auth.of(app);
        return new TestAdmin(app);
    }

    /** As {@link #start(Path, Consumer)}, serving the demo's iris (v1) from {@code dir/models} once it is loaded. */
    static TestAdmin withIris(Path dir, Consumer<Config.Builder> more) {
        barista.demo.models.DemoModels.writeIris(dir.resolve("models"), "1");
        TestAdmin admin = start(dir, more);
        barista.inference.Models models = barista.inference.Models.of(admin.app);
        long until = System.nanoTime() + 20_000_000_000L;
        while (!models.startupComplete() && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
        assertThat(models.startupComplete()).as("start-up loads finish").isTrue();
        assertThat(models.serving("iris")).as("iris serves").isNotNull();
        return admin;
    }

    Auth auth() {
        return Auth.of(app);
    }

    /** Makes a user with these roles and signs them in. */
    Browser userWithRoles(String username, String... roles) {
        auth().users().create(username, PASSWORD, Set.of(roles));
        return signIn(username, PASSWORD);
    }

    /** Signs in through {@code /admin/login}, as a browser would. */
    Browser signIn(String username, String password) {
        Browser anonymous = new Browser(client);
        TestResponse form = anonymous.get("/admin/login");
        assertThat(form.status()).isEqualTo(200);
        TestResponse r = anonymous.post("/admin/login", Map.of("username", username, "password", password,
                "_csrf", csrf(form.text())));
        assertThat(r.status()).as(r.text()).isEqualTo(303);
        assertThat(anonymous.cookies).containsKey("barista_session");
        return anonymous;
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a _csrf field in " + html).isTrue();
        return m.group(1);
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A cookie jar over the in-process client. */
    static final class Browser {
        private final TestClient client;
        final Map<String, String> cookies = new LinkedHashMap<>();

        Browser(TestClient client) {
            this.client = client;
        }

        TestResponse get(String target) {
            return keep(withCookies(client.request("GET", target)).send());
        }

        /** Posts a form as is (add {@code _csrf} yourself, or leave it out on purpose). */
        TestResponse post(String target, Map<String, String> form) {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return keep(withCookies(client.request("POST", target))
                    .body(body.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
                    .send());
        }

        /** Posts JSON, as an app's own front end would to {@code /auth/login}. */
        TestResponse postJson(String target, Object body) {
            return keep(withCookies(client.request("POST", target)).json(body).send());
        }

        /** Posts a form with this session's CSRF token, read from the dashboard's sign-out form. */
        TestResponse postWithToken(String target, Map<String, String> form) {
            Map<String, String> withToken = new LinkedHashMap<>(form);
            withToken.put("_csrf", csrf(get("/admin").text()));
            return post(target, withToken);
        }

        private barista.test.TestRequest withCookies(barista.test.TestRequest r) {
            cookies.forEach(r::cookie);
            return r;
        }

        private TestResponse keep(TestResponse r) {
            for (String c : r.headers().getOrDefault("set-cookie", java.util.List.of())) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || c.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return r;
        }
    }
}
