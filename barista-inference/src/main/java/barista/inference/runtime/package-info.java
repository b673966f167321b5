/**
 * Where models run: the {@link barista.inference.runtime.Runner} contract and its ONNX Runtime
 * implementation. The only package that imports ONNX Runtime.
 */
package barista.inference.runtime;
