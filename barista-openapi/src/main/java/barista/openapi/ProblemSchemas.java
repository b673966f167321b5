package barista.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schemas of the framework's error bodies, written by hand from {@link barista.http.Problem}
 * and {@link barista.http.FieldError} rather than generated: the wire format is a contract
 * (RFC 9457, and {@code location} holding names and indexes), which a generator reading the Java
 * types would blur ({@code List<Object>} says nothing).
 */
final class ProblemSchemas {
    static final String PROBLEM = "Problem";
    static final String VALIDATION_PROBLEM = "ValidationProblem";
    static final String FIELD_ERROR = "FieldError";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProblemSchemas() {
    }

    /** Adds {@code Problem}, {@code ValidationProblem} and {@code FieldError} to the schemas. */
    static void addTo(ObjectNode schemas) {
        schemas.set(PROBLEM, problem());
        schemas.set(VALIDATION_PROBLEM, validationProblem());
        schemas.set(FIELD_ERROR, fieldError());
    }

    static ObjectNode ref(String name) {
        return JSON.objectNode().put("$ref", ComponentSchemas.REF_PREFIX + name);
    }

    private static ObjectNode problem() {
        ObjectNode properties = JSON.objectNode();
        properties.set("type", string("A URI naming the kind of problem; about:blank when the status says it all.")
                .put("format", "uri-reference").put("default", "about:blank"));
        properties.set("title", string("The status's reason phrase."));
        properties.set("status", JSON.objectNode().put("type", "integer").put("minimum", 100).put("maximum", 599)
                .put("description", "The HTTP status code."));
        properties.set("detail", string("What went wrong, for a person."));
        properties.set("instance", string("The request path.").put("format", "uri-reference"));
        properties.set("requestId", string("The id the server's log line has too."));
        return object("An RFC 9457 problem detail: the body of every error response.", properties,
                "type", "status");
    }

    private static ObjectNode validationProblem() {
        ObjectNode errors = JSON.objectNode().put("type", "array").put("description", "Every refused value.");
        errors.set("items", ref(FIELD_ERROR));
        ObjectNode properties = JSON.objectNode();
        properties.set("errors", errors);
        ObjectNode schema = JSON.objectNode()
                .put("description", "A 422 problem: the request was understood but some values were refused.");
        schema.putArray("allOf").add(ref(PROBLEM)).add(object(null, properties, "errors"));
        return schema;
    }

    private static ObjectNode fieldError() {
        ObjectNode location = JSON.objectNode().put("type", "array")
                .put("description", "Where the value was: its source, then names and indexes inside it,"
                        + " e.g. [\"query\", \"limit\"] or [\"body\", \"items\", 0, \"name\"].");
        location.putObject("items").putArray("type").add("string").add("integer");
        ObjectNode properties = JSON.objectNode();
        properties.set("location", location);
        properties.set("message", string("Why it was refused, for a person."));
        properties.set("type", string("A stable kind for machines: missing, int_parsing, Min..."));
        return object("One refused value.", properties, "location", "message", "type");
    }

    private static ObjectNode string(String description) {
        return JSON.objectNode().put("type", "string").put("description", description);
    }

    private static ObjectNode object(String description, ObjectNode properties, String... required) {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        if (description != null) {
            schema.put("description", description);
        }
        schema.set("properties", properties);
        ArrayNode names = schema.putArray("required");
        for (String r : required) {
            names.add(r);
        }
        return schema;
    }
}
