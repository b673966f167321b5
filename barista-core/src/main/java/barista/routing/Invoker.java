package barista.routing;

import barista.Context;

/**
 * Calls a route's handler with its bound inputs. Built once per route from the user's lambda;
 * {@code params} and {@code body} are {@code null} when the route declares none.
 */
@FunctionalInterface
public interface Invoker {
    Object invoke(Context ctx, Object params, Object body) throws Exception;
}
