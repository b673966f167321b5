/**
 * HTTP vocabulary shared by every module: methods, status codes, the {@link barista.http.HttpError}
 * exceptions a handler throws, and the RFC 9457 {@link barista.http.Problem} body every error
 * leaves as.
 */
package barista.http;
