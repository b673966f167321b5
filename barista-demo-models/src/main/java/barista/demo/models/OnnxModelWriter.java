package barista.demo.models;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes ONNX models as protobuf bytes, using only the generated {@code OnnxMl} classes: the
 * classifier graphs ({@code Gemm}, {@code Relu}, ..., {@code Softmax}) and the one-node graphs
 * tests need. Every graph has a symbolic first dimension {@code batch}.
 *
 * <p>IR version 8 with the default-domain opset 13: old enough for any onnxruntime of the last
 * few years, new enough for {@code Softmax} over the last axis only. The bytes depend only on
 * the arguments (no timestamps, no maps), so a build is reproducible.
 */
final class OnnxModelWriter {
    static final String PRODUCER = "barista-demo-models";
    static final long IR_VERSION = 8;
    static final long OPSET = 13;
    static final String BATCH = "batch";

    /** Data type names as Barista's tensors spell them, to ONNX element types. */
    static final Map<String, DataType> DTYPES = Map.ofEntries(
            Map.entry("float32", DataType.FLOAT), Map.entry("float64", DataType.DOUBLE),
            Map.entry("float16", DataType.FLOAT16), Map.entry("int8", DataType.INT8),
            Map.entry("int16", DataType.INT16), Map.entry("int32", DataType.INT32),
            Map.entry("int64", DataType.INT64), Map.entry("uint8", DataType.UINT8),
            Map.entry("bool", DataType.BOOL), Map.entry("string", DataType.STRING));

    private OnnxModelWriter() {
    }

    /**
     * {@code input} float32 [batch, features] to {@code output} float32 [batch, classes], the
     * softmax probabilities. Initializers are named {@code layerN.weight} and {@code layerN.bias}.
     */
    static byte[] classifier(String name, String description, Classifier classifier) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName(name).setDocString(description)
                .addInput(batchTensor("input", DataType.FLOAT, classifier.inputs()))
                .addOutput(batchTensor("output", DataType.FLOAT, classifier.classes()));
        String x = "input";
        List<DenseLayer> layers = classifier.layers();
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            String prefix = "layer" + l;
            graph.addInitializer(floats(prefix + ".weight", layer.flatWeights(), layer.inputs(), layer.outputs()));
            graph.addInitializer(floats(prefix + ".bias", layer.bias(), layer.outputs()));
            graph.addNode(node("Gemm", prefix + ".gemm", List.of(x, prefix + ".weight", prefix + ".bias"),
                    prefix + ".linear"));
            x = prefix + ".linear";
            if (layer.relu()) {
                graph.addNode(node("Relu", prefix + ".relu", List.of(x), prefix + ".activation"));
                x = prefix + ".activation";
            }
        }
        graph.addNode(node("Softmax", "softmax", List.of(x), "output").toBuilder()
                .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT)
                        .setI(-1)));
        return model(graph.build(), description);
    }

    /** {@code x} of {@code dtype} [batch, width] passed through Identity to {@code y}. */
    static byte[] identity(String name, String dtype, int width) {
        DataType type = dtype(dtype);
        GraphProto graph = GraphProto.newBuilder().setName(name)
                .addInput(batchTensor("x", type, width))
                .addOutput(batchTensor("y", type, width))
                .addNode(node("Identity", "identity", List.of("x"), "y"))
                .build();
        return model(graph, "Identity over " + dtype + " [batch, " + width + "], for tests");
    }

    /** {@code sum = a + b}, all float32 [batch, width]. */
    static byte[] add(String name, int width) {
        GraphProto graph = GraphProto.newBuilder().setName(name)
                .addInput(batchTensor("a", DataType.FLOAT, width))
                .addInput(batchTensor("b", DataType.FLOAT, width))
                .addOutput(batchTensor("sum", DataType.FLOAT, width))
                .addNode(node("Add", "add", List.of("a", "b"), "sum"))
                .build();
        return model(graph, "Add of two float32 [batch, " + width + "] inputs, for tests");
    }

    static DataType dtype(String dtype) {
        DataType type = DTYPES.get(dtype.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new IllegalArgumentException("unknown dtype '" + dtype + "'; known: " + DTYPES.keySet());
        }
        return type;
    }

    private static byte[] model(GraphProto graph, String description) {
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(PRODUCER)
                .setModelVersion(1)
                .setDocString(description)
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    private static ValueInfoProto batchTensor(String name, DataType type, int width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width))
                .build();
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(
                        TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape)))
                .build();
    }

    private static NodeProto node(String op, String name, List<String> inputs, String output) {
        return NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(output).build();
    }

    /** Little-endian raw data, as the ONNX spec requires for {@code raw_data}. */
    private static TensorProto floats(String name, float[] values, long... dims) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(buffer.array()));
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        return tensor.build();
    }
}
