package barista.auth;

import barista.test.TestClient;
import barista.test.TestResponse;
import java.util.Map;

/** Small steps many tests take: sign in, read the cookie a response set. */
final class Fixtures {
    static final String PASSWORD = "correct horse battery";

    private Fixtures() {
    }

    static TestResponse login(TestClient client, String username, String password) {
        return client.post("/auth/login", Map.of("username", username, "password", password));
    }

    /** The value of the {@code barista_session} cookie a response set, or null. */
    static String sessionCookie(TestResponse r) {
        for (String h : r.headers().getOrDefault("set-cookie", java.util.List.of())) {
            if (h.startsWith(Sessions.COOKIE + "=")) {
                return h.substring(Sessions.COOKIE.length() + 1, h.indexOf(';'));
            }
        }
        return null;
    }

    static String form(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(java.net.URLEncoder.encode(pairs[i], java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(pairs[i + 1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
