/**
 * Testing Barista apps: {@link barista.test.TestClient} sends requests through the full
 * pipeline, either in-process (fast, no socket) or over a real socket to the started engine.
 */
package barista.test;
