package barista.inference;

import static org.assertj.core.api.Assertions.assertThat;

import barista.json.Json;
import barista.test.TestResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Assertions on problem+json answers, shared by the model tests. */
final class ProblemChecks {
    private ProblemChecks() {
    }

    /** Checks the status, the problem+json type and the body's status; returns the body. */
    static JsonNode problem(TestResponse r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.text()).startsWith("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        return body;
    }

    /** A 422 with exactly one error, at {@code location}; returns that error's message. */
    static String onlyError(TestResponse r, Object... location) {
        JsonNode errors = problem(r, 422).get("errors");
        assertThat(errors).as(r.text()).isNotNull();
        assertThat(errors.size()).as(r.text()).isEqualTo(1);
        assertThat(errors.get(0).get("location")).as(r.text()).isEqualTo(Json.mapper().valueToTree(List.of(location)));
        return errors.get(0).get("message").asText();
    }

    /** Every error's location of a 422, as JSON text such as {@code ["body","inputs","a"]}. */
    static List<String> locations(TestResponse r) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : problem(r, 422).get("errors")) {
            out.add(e.get("location").toString());
        }
        return out;
    }
}
