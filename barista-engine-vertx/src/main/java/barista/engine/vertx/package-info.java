/**
 * The HTTP engine on Vert.x: one HTTP server per event loop, bodies read with a size limit,
 * handlers handed to virtual threads, replies written back. Nothing outside this package
 * imports Vert.x.
 */
package barista.engine.vertx;
