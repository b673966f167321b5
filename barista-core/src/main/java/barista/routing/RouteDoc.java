package barista.routing;

import java.util.List;

/**
 * What OpenAPI and the UIs say about a route: summary, description, tags, operation id.
 * All optional; {@code operationId} defaults from the method and path.
 *
 * @param requestContent  what the route reads, when that is not its body type (empty if it is)
 * @param responseContent what a success carries, when that is not its return type (empty if it is)
 */
public record RouteDoc(String summary, String description, List<String> tags, String operationId,
                       boolean deprecated, List<Content> requestContent, List<Content> responseContent) {
    public RouteDoc {
        tags = List.copyOf(tags);
        requestContent = List.copyOf(requestContent);
        responseContent = List.copyOf(responseContent);
    }

    /** True when the document describes content with schemas that may change while serving. */
    public boolean hasContentSchemas() {
        return !requestContent.isEmpty() || !responseContent.isEmpty();
    }
}
