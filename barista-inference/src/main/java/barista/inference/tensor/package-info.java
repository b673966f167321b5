/**
 * Tensors as values ({@link barista.inference.tensor.Tensor}) and the wire formats they travel
 * in: JSON nested arrays, the Open Inference Protocol's flat form and NumPy {@code .npy}.
 * No ONNX Runtime here: these types are shared by the HTTP side and the runtime side.
 */
package barista.inference.tensor;
