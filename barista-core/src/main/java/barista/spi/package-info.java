/**
 * What an HTTP engine implements and calls. An {@link barista.spi.Engine} owns sockets and
 * threads; it hands each request to the core's {@link barista.spi.Dispatcher} and writes the
 * {@link barista.spi.Reply} it gets back. Users never touch these types.
 */
package barista.spi;
