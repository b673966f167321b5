package barista.auth;

import static barista.auth.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.test.TestClient;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer JWTs from the OAuth2 password grant work; anything not signed by us, or stale, is 401. */
class JwtTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef-test";

    @TempDir
    Path dir;
    TestDatabase.Scratch scratch;
    Barista app;
    TestClient client;

    @BeforeEach
    void start() {
        scratch = TestDatabase.SQLITE.scratch(dir);
        app = scratch.app(cfg -> cfg.property("barista.auth.jwt-secret", SECRET));
        Auth.of(app).users().create("ada", PASSWORD, Set.of("admin"));
        client = TestClient.inProcess(app);
    }

    @AfterEach
    void stop() {
        app.stop();
        scratch.close();
    }

    private int me(String token) {
        return client.request("GET", "/auth/me").header("Authorization", "Bearer " + token).send().status();
    }

    /** A refused token gets a 401 problem that names no user, claim or secret. */
    private void refused(String token) {
        var r = client.request("GET", "/auth/me").header("Authorization", "Bearer " + token).send();
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.text()).doesNotContain("ada").doesNotContain("root").doesNotContain(SECRET)
                .doesNotContain("pwd").doesNotContain("someone-else");
    }

    private static String signed(JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    /** Claims as ours are made, with the {@code pwd} stamp copied from a token the app issued. */
    private JWTClaimsSet.Builder claims() throws Exception {
        String stamp = SignedJWT.parse(Auth.of(app).tokens().issue("ada").token()).getJWTClaimsSet()
                .getStringClaim("pwd");
        return new JWTClaimsSet.Builder().subject("ada").issuer("barista").issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).claim("pwd", stamp);
    }

    @Test
    void the_password_form_grant_gives_a_bearer_token_that_works() {
        var r = client.request("POST", "/auth/token")
                .body(Fixtures.form("grant_type", "password", "username", "ada", "password", PASSWORD)
                        .getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(r.json().get("expires_in").asLong()).isEqualTo(900);
        var me = client.request("GET", "/auth/me").header("Authorization", "Bearer " + r.json().get("access_token").asText()).send();
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("credential").asText()).isEqualTo("TOKEN");
        assertThat(me.json().get("roles").toString()).contains("admin");
    }

    @Test
    void a_wrong_password_gets_no_token() {
        var r = client.post("/auth/token", java.util.Map.of("username", "ada", "password", "nope-nope"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("detail").asText()).isEqualTo("invalid username or password");
    }

    @Test
    void a_token_signed_with_our_key_is_accepted() throws Exception {
        assertThat(me(signed(claims().build(), SECRET))).isEqualTo(200);
    }

    @Test
    void a_token_without_the_current_password_stamp_is_401() throws Exception {
        refused(signed(claims().claim("pwd", null).build(), SECRET));
        refused(signed(claims().claim("pwd", "AAAAAAAAAAAAAAAAAAAAAA").build(), SECRET));
        String before = Auth.of(app).tokens().issue("ada").token();
        Auth.of(app).users().setPassword("ada", "a brand new password");
        refused(before);
        assertThat(me(Auth.of(app).tokens().issue("ada").token())).isEqualTo(200);
    }

    @Test
    void a_tampered_signature_is_401() throws Exception {
        String good = signed(claims().build(), SECRET);
        char last = good.charAt(good.length() - 2);
        String bad = good.substring(0, good.length() - 2) + (last == 'A' ? 'B' : 'A') + good.charAt(good.length() - 1);
        refused(bad);
        refused(signed(claims().build(), "another-secret-another-secret-another"));
    }

    @Test
    void a_tampered_payload_is_401() throws Exception {
        String good = signed(claims().build(), SECRET);
        String[] parts = good.split("\\.");
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims().subject("root").build().toString().getBytes(StandardCharsets.UTF_8));
        refused(parts[0] + "." + payload + "." + parts[2]);
    }

    @Test
    void alg_none_is_401() throws Exception {
        String none = new PlainJWT(claims().build()).serialize();
        var r = client.request("GET", "/auth/me").header("Authorization", "Bearer " + none).send();
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("detail").asText()).isEqualTo("invalid token");
    }

    @Test
    void an_expired_token_is_401() throws Exception {
        String old = signed(claims().expirationTime(new Date(System.currentTimeMillis() - 1000)).build(), SECRET);
        var r = client.request("GET", "/auth/me").header("Authorization", "Bearer " + old).send();
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("detail").asText()).isEqualTo("token expired");
    }

    @Test
    void another_issuer_is_401() throws Exception {
        refused(signed(claims().issuer("someone-else").build(), SECRET));
    }

    @Test
    void a_short_configured_secret_fails_start_up() {
        Barista other = scratch.app(cfg -> cfg.property("barista.auth.jwt-secret", "short"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Auth.of(other))
                .isInstanceOf(barista.SetupException.class).hasMessageContaining("at least 32 bytes");
    }
}
