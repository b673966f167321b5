/**
 * Small ONNX models that Barista trains for itself at build time, so the examples, the tests and
 * the benchmarks serve real models without downloading anything.
 *
 * <p>This package owns the bundled public data (iris and handwritten digits, see
 * {@code DATA-LICENSE.md} next to them), the plain-Java training (fixed seeds, so every build
 * makes byte-identical models), the ONNX export, and the model directory layout another module
 * serves: {@code <models>/<name>/<version>/model.onnx} plus {@code <models>/<name>/config.json}.
 * Start at {@link barista.demo.models.DemoModels}; {@link barista.demo.models.TestModels} holds
 * the hand-built graphs that tests of other modules need (other dtypes, two inputs, a corrupt
 * file).
 *
 * <p>It depends on no other Barista module; it uses only the ONNX protobuf classes of
 * {@code tribuo-util-onnx} and Jackson.
 */
package barista.demo.models;
