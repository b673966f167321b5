/**
 * The public API an app is written against: {@link barista.Barista} (configuration, routes,
 * lifecycle), {@link barista.Context} (one request), the handler shapes ({@link barista.Handler},
 * {@link barista.InputHandler}, {@link barista.ParamsBodyHandler}, {@link barista.Resource}),
 * {@link barista.Response} and {@link barista.Config}. Everything else in the framework is reached
 * through these.
 */
package barista;
