/** Liveness and readiness: {@code /healthz}, {@code /readyz} and the checks behind readiness. */
package barista.health;
