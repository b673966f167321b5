/**
 * The request pipeline behind {@link barista.spi.Dispatcher}: route lookup, binding, the
 * handler call, encoding, error mapping, CORS, security headers and the request log. Users
 * never touch these types.
 */
package barista.internal;
