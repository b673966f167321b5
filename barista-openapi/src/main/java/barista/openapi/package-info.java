/**
 * API documentation derived from the route model, so it cannot drift from the code: the
 * OpenAPI 3.1 document ({@link barista.openapi.OpenApiDocument}), and the
 * {@link barista.openapi.OpenApiExtension} that serves it at {@code /openapi.json} with Swagger UI
 * at {@code /docs} and ReDoc at {@code /redoc}, from the class path so they work offline.
 * Set {@code barista.docs.enabled=false} to serve none of it.
 */
package barista.openapi;
