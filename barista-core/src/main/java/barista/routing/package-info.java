/**
 * The route model: every route declared on an app, analysed once into a {@link barista.routing.Route}
 * that the router, the binder, OpenAPI and later the UI all read; and the
 * {@link barista.routing.RouteTable} that finds one for a method and path.
 */
package barista.routing;
