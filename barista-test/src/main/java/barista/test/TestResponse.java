package barista.test;

import barista.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A response as a test sees it.
 *
 * @param status  the status code
 * @param headers header values by lower-case name
 * @param body    the body bytes
 */
public record TestResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header (any case), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as a JSON tree, for {@code json().get("prediction").asInt()}. */
    public JsonNode json() {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("response body is not JSON: " + text(), e);
        }
    }

    /** The body read into a type. */
    public <T> T as(Class<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("response body is not a " + type.getSimpleName() + ": " + text(), e);
        }
    }

    @Override
    public String toString() {
        return status + " " + text();
    }
}
