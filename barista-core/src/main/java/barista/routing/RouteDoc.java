package barista.routing;

import java.util.List;

/**
 * What OpenAPI and the UIs say about a route: summary, description, tags, operation id.
 * All optional; {@code operationId} defaults from the method and path.
 */
public record RouteDoc(String summary, String description, List<String> tags, String operationId,
                       boolean deprecated) {
    public RouteDoc {
        tags = List.copyOf(tags);
    }
}
