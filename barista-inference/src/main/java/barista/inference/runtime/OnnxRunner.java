package barista.inference.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import barista.inference.Signature;
import barista.inference.TensorSpec;
import barista.inference.tensor.DType;
import barista.inference.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX Runtime session: the one copy of a model version in memory, shared by every request.
 *
 * <p>Tensors cross into the runtime as direct little-endian buffers (one copy of the batch) and
 * come back the same way, so no element is boxed or converted on the way.
 *
 * <p>Threading: {@link #run} is safe from several threads (ONNX Runtime sessions are); each call
 * blocks for the inference. {@link #close} must come after the last run.
 */
public final class OnnxRunner implements Runner {
    private final OrtSession session;
    private final Signature signature;
    private final long sizeBytes;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private OnnxRunner(OrtSession session, long sizeBytes) throws OrtException {
        this.session = session;
        this.sizeBytes = sizeBytes;
        this.signature = new Signature(specs(session.getInputInfo()), specs(session.getOutputInfo()));
    }

    /**
     * Loads a model file. {@code intraOpThreads} caps the runtime's own thread pool per call; on
     * a small machine 1 leaves the cores to the HTTP side, and batching supplies the parallelism.
     */
    public static OnnxRunner load(Path file, int intraOpThreads) {
        return load(file, file.toString(), intraOpThreads);
    }

    /**
     * Loads a model file, naming it {@code origin} in errors: a path relative to the model
     * directory, so errors shown to clients do not reveal the server's file system.
     */
    public static OnnxRunner load(Path file, String origin, int intraOpThreads) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("model file " + origin + " does not exist");
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model file " + origin + ": " + e.getClass().getSimpleName(), e);
        }
        return load(bytes, origin, intraOpThreads);
    }

    /** Loads a model from its bytes; {@code origin} names it in errors. */
    public static OnnxRunner load(byte[] model, String origin, int intraOpThreads) {
        OrtEnvironment env = OnnxEnvironment.get();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, intraOpThreads));
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(model, options);
            try {
                return new OnnxRunner(session, model.length);
            } catch (OrtException | ModelLoadException e) {
                session.close();
                throw e;
            }
        } catch (OrtException e) {
            throw new ModelLoadException("cannot load " + origin + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown ONNX Runtime error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    @Override
    public Signature signature() {
        return signature;
    }

    @Override
    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        OrtEnvironment env = OnnxEnvironment.get();
        Map<String, OnnxTensor> feed = new HashMap<>(inputs.size() * 2);
        try {
            for (Map.Entry<String, Tensor> in : inputs.entrySet()) {
                feed.put(in.getKey(), toOnnx(env, in.getValue()));
            }
            try (OrtSession.Result result = session.run(feed)) {
                Map<String, Tensor> out = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> e : result) {
                    out.put(e.getKey(), fromOnnx(e.getKey(), e.getValue()));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new InferenceException("inference failed: " + firstLine(e.getMessage()), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // closing twice would fail in ONNX Runtime; a retired version may be closed by two paths
        }
        try {
            session.close();
        } catch (OrtException e) {
            throw new InferenceException("closing the session failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- conversions

    private static OnnxTensor toOnnx(OrtEnvironment env, Tensor t) throws OrtException {
        ByteBuffer direct = ByteBuffer.allocateDirect(t.data().length).order(ByteOrder.nativeOrder());
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            direct.put(t.data()).flip();
        } else {
            throw new UnsupportedOperationException("big-endian hosts are not supported");
        }
        return OnnxTensor.createTensor(env, direct, t.shape(), javaType(t.dtype()));
    }

    private static Tensor fromOnnx(String name, OnnxValue value) {
        if (!(value instanceof OnnxTensor tensor)) {
            throw new InferenceException("output " + name + " is a " + value.getType() + ", not a tensor");
        }
        TensorInfo info = tensor.getInfo();
        DType dtype = dtype(info.type);
        if (dtype == null) {
            throw new InferenceException("output " + name + " has unsupported type " + info.type);
        }
        ByteBuffer buffer = tensor.getByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.order(ByteOrder.LITTLE_ENDIAN).get(bytes);
        return new Tensor(dtype, info.getShape(), bytes);
    }

    private static OnnxJavaType javaType(DType t) {
        return switch (t) {
            case FLOAT32 -> OnnxJavaType.FLOAT;
            case FLOAT64 -> OnnxJavaType.DOUBLE;
            case INT8 -> OnnxJavaType.INT8;
            case UINT8 -> OnnxJavaType.UINT8;
            case INT16 -> OnnxJavaType.INT16;
            case INT32 -> OnnxJavaType.INT32;
            case INT64 -> OnnxJavaType.INT64;
            case BOOL -> OnnxJavaType.BOOL;
        };
    }

    private static DType dtype(OnnxJavaType t) {
        return switch (t) {
            case FLOAT -> DType.FLOAT32;
            case DOUBLE -> DType.FLOAT64;
            case INT8 -> DType.INT8;
            case UINT8 -> DType.UINT8;
            case INT16 -> DType.INT16;
            case INT32 -> DType.INT32;
            case INT64 -> DType.INT64;
            case BOOL -> DType.BOOL;
            default -> null;
        };
    }

    private static List<TensorSpec> specs(Map<String, NodeInfo> infos) {
        List<TensorSpec> specs = new ArrayList<>(infos.size());
        for (NodeInfo node : infos.values()) {
            if (!(node.getInfo() instanceof TensorInfo info)) {
                throw new ModelLoadException(node.getName() + " is a " + node.getInfo()
                        + "; only tensor inputs and outputs are served");
            }
            DType dtype = dtype(info.type);
            if (dtype == null) {
                throw new ModelLoadException(node.getName() + " has element type " + info.type
                        + ", which Barista does not serve (supported: float32, float64, int8, uint8, int16, int32, int64, bool)");
            }
            specs.add(new TensorSpec(node.getName(), dtype, info.getShape()));
        }
        return specs;
    }
}
