/**
 * Observability for a Barista app. Today that is metrics: {@link barista.observe.Metrics} is the
 * app's one Micrometer registry, which modules and handlers write to, with JVM and process meters
 * bound; {@link barista.observe.ObserveExtension} serves it to Prometheus at {@code /metrics} in
 * the Prometheus or OpenMetrics text format. Set {@code barista.metrics.enabled=false} to serve
 * nothing, or {@code barista.metrics.path} to move the route.
 */
package barista.observe;
