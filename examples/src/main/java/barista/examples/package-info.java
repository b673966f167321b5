/**
 * The README's examples as code that compiles and is tested: the four styles of the Python
 * seed (FastAPI, Flask, Django, Tornado) and a fuller items API, all served by
 * {@link barista.examples.DemoServer}.
 */
package barista.examples;
