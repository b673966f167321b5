/**
 * Model serving: the registry ({@link barista.inference.Models}) of ONNX models and their
 * versions, handles for calling them from Java ({@link barista.inference.Model}), loading,
 * warm-up, hot swap and the model directory. Batching lives in {@code batching}, the runtime in
 * {@code runtime}, tensors and their wire formats in {@code tensor}, the endpoints in {@code http}.
 */
package barista.inference;
