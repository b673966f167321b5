/**
 * The HTTP face of the model registry: Barista's own predict and listing endpoints, the Open
 * Inference Protocol (KServe v2), and the model admin API. Each is a plain set of routes on the
 * app, declared by {@link barista.inference.http.ModelRoutes#install} and friends.
 */
package barista.inference.http;
