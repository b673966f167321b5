package barista.test;

import barista.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request being built: {@code client.request("PUT", "/items/1").header("X-Token", "t").json(item).send()}.
 */
public final class TestRequest {
    private final TestClient client;
    final String method;
    final String target;
    final List<String> headers = new ArrayList<>();
    byte[] body = new byte[0];

    TestRequest(TestClient client, String method, String target) {
        this.client = client;
        this.method = method;
        this.target = target;
    }

    public TestRequest header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    public TestRequest cookie(String name, String value) {
        return header("Cookie", name + "=" + value);
    }

    /** A value written as a JSON body with {@code Content-Type: application/json}. */
    public TestRequest json(Object value) {
        return body(Json.write(value), "application/json");
    }

    /** Raw JSON text, sent as is (for malformed-JSON tests). */
    public TestRequest jsonText(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public TestRequest body(byte[] bytes, String contentType) {
        this.body = bytes;
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        return this;
    }

    public TestResponse send() {
        return client.send(this);
    }
}
