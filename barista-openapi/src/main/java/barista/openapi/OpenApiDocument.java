package barista.openapi;

import barista.Config;
import barista.Response;
import barista.binding.Param;
import barista.binding.ParamsModel;
import barista.http.Problem;
import barista.routing.Content;
import barista.routing.Route;
import barista.routing.RouteDoc;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;

/**
 * The OpenAPI 3.1 document of an app, derived from its route model alone: every route that is
 * not hidden, its parameters with their constraints and defaults, its JSON body, its success
 * response and the problem+json errors it can answer with. Because it reads the same model the
 * binder enforces, the document cannot promise what the server does not check.
 *
 * <p>Building reflects over every record, so it is done once per app, not per request; the
 * result is a pure function of the config and routes.
 *
 * <p>Threading: {@link #build} may run on any thread; each call has its own schema generators.
 * It blocks only on class loading.
 */
public final class OpenApiDocument {
    /** The OpenAPI version written; its schemas are JSON Schema 2020-12. */
    public static final String OPENAPI_VERSION = "3.1.0";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String APPLICATION_JSON = "application/json";

    private final ComponentSchemas components = new ComponentSchemas();
    private final ParameterSchemas parameters = new ParameterSchemas();
    private final SecuritySchemes security;

    private OpenApiDocument(List<Route> routes) {
        this.security = SecuritySchemes.of(routes);
    }

    /**
     * The document for these routes, titled and versioned from {@link Config#title()} and
     * {@link Config#version()}. Hidden routes are left out; paths keep the routes' order.
     *
     * <p>When a route declares {@link barista.access.Requirement}s, the document gains
     * {@code components.securitySchemes} (barista-auth's API key, bearer, OAuth2 password and
     * session cookie; see {@link SecuritySchemes}) and that operation its {@code security}
     * alternatives and 401/403 problem responses. Open routes have no {@code security}.
     */
    public static ObjectNode build(Config config, List<Route> routes) {
        return new OpenApiDocument(routes).document(config, routes);
    }

    private ObjectNode document(Config config, List<Route> routes) {
        ObjectNode doc = JSON.objectNode().put("openapi", OPENAPI_VERSION);
        doc.putObject("info").put("title", config.title()).put("version", config.version());
        ObjectNode paths = doc.putObject("paths");
        for (Route route : routes) {
            if (route.hidden()) {
                continue;
            }
            String path = route.path().text();
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            item.set(route.method().name().toLowerCase(Locale.ROOT), operation(route));
        }
        ObjectNode schemas = components.collect();
        ProblemSchemas.addTo(schemas);
        ObjectNode componentsNode = doc.putObject("components");
        componentsNode.set("schemas", schemas);
        if (security != null) {
            componentsNode.set("securitySchemes", security.components());
        }
        return doc;
    }

    private ObjectNode operation(Route route) {
        RouteDoc doc = route.doc();
        ObjectNode op = JSON.objectNode();
        if (!doc.tags().isEmpty()) {
            ArrayNode tags = op.putArray("tags");
            doc.tags().forEach(tags::add);
        }
        if (doc.summary() != null) {
            op.put("summary", doc.summary());
        }
        if (doc.description() != null) {
            op.put("description", doc.description());
        }
        op.put("operationId", doc.operationId());
        ArrayNode params = parameters(route);
        if (!params.isEmpty()) {
            op.set("parameters", params);
        }
        if (route.body() != null) {
            ObjectNode body = op.putObject("requestBody").put("required", true);
            body.putObject("content").putObject(APPLICATION_JSON).set("schema",
                    components.reference(route.body().type()));
        } else if (!doc.requestContent().isEmpty()) {
            op.putObject("requestBody").put("required", true).set("content", contentOf(doc.requestContent()));
        }
        op.set("responses", responses(route));
        if (security != null && !route.requires().isEmpty()) {
            op.set("security", security.security());
        }
        if (doc.deprecated()) {
            op.put("deprecated", true);
        }
        return op;
    }

    private ArrayNode parameters(Route route) {
        ArrayNode out = JSON.arrayNode();
        ParamsModel model = route.params();
        if (model == null) {
            // Quick-style and body-only routes read path variables as text (ctx.pathParam).
            for (String variable : route.path().variables()) {
                ObjectNode p = out.addObject().put("name", variable).put("in", "path").put("required", true);
                p.putObject("schema").put("type", "string");
            }
            return out;
        }
        for (Param param : model.params()) {
            ObjectNode p = out.addObject()
                    .put("name", param.wireName())
                    .put("in", param.location().wire())
                    .put("required", param.required());
            p.set("schema", parameters.schemaOf(model, param));
            if (param.repeated() && "query".equals(param.location().wire())) {
                // ?tag=a&tag=b, the only list form the binder reads.
                p.put("style", "form").put("explode", true);
            }
        }
        return out;
    }

    private ObjectNode responses(Route route) {
        ObjectNode responses = JSON.objectNode();
        ObjectNode success = responses.putObject(Integer.toString(route.status()))
                .put("description", "Successful Response");
        Type returns = route.returns();
        if (!route.doc().responseContent().isEmpty()) {
            success.set("content", contentOf(route.doc().responseContent()));
        } else if (route.status() != 204 && returns != void.class && returns != Void.class) {
            success.set("content", successContent(returns));
        }
        if (!route.requires().isEmpty()) {
            SecuritySchemes.addResponses(responses, route);
        }
        if (route.params() != null || route.body() != null || !route.doc().requestContent().isEmpty()) {
            problem(responses, "422", "Validation Error", ProblemSchemas.VALIDATION_PROBLEM);
        }
        problem(responses, "default", "Error", ProblemSchemas.PROBLEM);
        return responses;
    }

    /** Media types with the schemas a route documented by hand, asked for now. */
    private static ObjectNode contentOf(List<Content> contents) {
        ObjectNode content = JSON.objectNode();
        for (Content c : contents) {
            content.putObject(c.mediaType()).set("schema", MAPPER.valueToTree(c.schema().get()));
        }
        return content;
    }

    /** Mirrors how the encoder writes a handler's result (see {@link Response}). */
    private ObjectNode successContent(Type returns) {
        ObjectNode content = JSON.objectNode();
        if (returns == String.class || returns == CharSequence.class) {
            content.putObject("text/plain").putObject("schema").put("type", "string");
        } else if (returns == byte[].class) {
            content.putObject("application/octet-stream").putObject("schema")
                    .put("type", "string").put("format", "binary");
        } else if (returns == null || returns == Response.class) {
            content.putObject(APPLICATION_JSON).putObject("schema");
        } else {
            content.putObject(APPLICATION_JSON).set("schema", components.reference(returns));
        }
        return content;
    }

    private static void problem(ObjectNode responses, String code, String description, String schema) {
        responses.putObject(code).put("description", description)
                .putObject("content").putObject(Problem.MEDIA_TYPE).set("schema", ProblemSchemas.ref(schema));
    }
}
