package barista.routing;

import barista.access.Requirement;
import barista.binding.BodyModel;
import barista.binding.ParamsModel;
import barista.http.Method;
import java.lang.reflect.Type;
import java.util.List;

/**
 * One route, fully analysed: the single model the router, binder, OpenAPI and UIs read.
 *
 * @param method      the HTTP method
 * @param path        the path template
 * @param params      the params record model, or {@code null} for a route that takes none
 * @param body        the JSON body model, or {@code null} for a route that reads none
 * @param returns     the declared result type for documentation, or {@code null} if unknown
 * @param status      the success status ({@code 200} unless declared)
 * @param onEventLoop run on the event loop instead of a virtual thread
 * @param hidden      left out of OpenAPI and generated UIs
 * @param doc         summary, description, tags
 * @param invoker     calls the handler
 * @param requires    what the caller must be or hold; empty for an open route
 */
public record Route(Method method, PathTemplate path, ParamsModel params, BodyModel body, Type returns, int status,
                    boolean onEventLoop, boolean hidden, RouteDoc doc, Invoker invoker, List<Requirement> requires) {

    public Route {
        requires = List.copyOf(requires);
    }

    /** {@code GET /items/{id}}, for messages and logs. */
    public String name() {
        return method + " " + path.text();
    }
}
