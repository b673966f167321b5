package barista.inference;

import static barista.inference.ProblemChecks.onlyError;
import static barista.inference.ProblemChecks.problem;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.demo.models.TestModels;
import barista.inference.tensor.DType;
import barista.inference.tensor.Npy;
import barista.inference.tensor.Tensor;
import barista.test.TestClient;
import barista.test.TestResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NumPy {@code .npy} bodies in and out of the predict endpoint. */
class NpyTensorsTest {
    private static final String[] SPECIES = {"setosa", "versicolor", "virginica"};

    @TempDir
    Path dir;
    Barista app;
    TestClient client;
    float[][] rows;

    @BeforeEach
    void start() throws IOException {
        DemoModels.writeIris(dir);
        TestModels.writeTwoInputs(dir, "two");
        TestModels.writeIdentity(dir, "strict", "float32");
        TestModels.writeIdentity(dir, "lenient", "float32");
        Files.writeString(dir.resolve("lenient").resolve("config.json"), "{\"allowNonFinite\": true}\n");
        app = Apps.serving(dir);
        Apps.loaded(app);
        client = TestClient.inProcess(app);
        float[][] all = DemoModels.irisFeatures();
        rows = new float[][] {all[0], all[60], all[120], all[149]};
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private TestResponse postNpy(String target, byte[] npy) {
        return client.request("POST", target).body(npy, Npy.MEDIA_TYPE).send();
    }

    private void assertServing() {
        TestResponse r = postNpy("/models/iris/predict", Npy.write(Tensor.ofFloats(rows)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    @Test
    void an_npy_body_gets_a_json_prediction() {
        TestResponse r = postNpy("/models/iris/predict", Npy.write(Tensor.ofFloats(rows)));

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.get("outputs").get("output").size()).isEqualTo(rows.length);
        int[] expected = DemoModels.irisPredictions(rows);
        assertThat(body.get("labels")).extracting(JsonNode::asText)
                .containsExactly(Arrays.stream(expected).mapToObj(i -> SPECIES[i]).toArray(String[]::new));
    }

    @Test
    void accept_npy_gets_the_output_as_npy() {
        TestResponse r = client.request("POST", "/models/iris/predict").header("Accept", Npy.MEDIA_TYPE)
                .body(Npy.write(Tensor.ofFloats(rows)), Npy.MEDIA_TYPE).send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith(Npy.MEDIA_TYPE);
        assertThat(r.header("X-Model-Version")).isEqualTo("1");
        Tensor out = Npy.read(r.body());
        assertThat(out.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(out.shape()).containsExactly(rows.length, 3);
        assertThat(argmax(out)).containsExactly(DemoModels.irisPredictions(rows));
    }

    @Test
    void a_json_body_can_ask_for_npy_back() {
        TestResponse r = client.request("POST", "/models/iris/predict").header("Accept", Npy.MEDIA_TYPE)
                .json(java.util.Map.of("inputs", rows)).send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith(Npy.MEDIA_TYPE);
        assertThat(argmax(Npy.read(r.body()))).containsExactly(DemoModels.irisPredictions(rows));
    }

    @Test
    void an_output_can_be_chosen_by_name() {
        TestResponse r = client.request("POST", "/models/iris/predict?output=output").header("Accept", Npy.MEDIA_TYPE)
                .body(Npy.write(Tensor.ofFloats(rows)), Npy.MEDIA_TYPE).send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(Npy.read(r.body()).shape()).containsExactly(rows.length, 3);
    }

    @Test
    void an_unknown_output_is_422_at_the_query_parameter() {
        TestResponse r = client.request("POST", "/models/iris/predict?output=nope").header("Accept", Npy.MEDIA_TYPE)
                .body(Npy.write(Tensor.ofFloats(rows)), Npy.MEDIA_TYPE).send();

        String message = onlyError(r, "query", "output");
        assertThat(message).contains("nope").contains("output");
        assertServing();
    }

    @Test
    void float64_npy_to_a_float32_model_is_422_naming_both_types() {
        double[] values = {5.1, 3.5, 1.4, 0.2};
        TestResponse r = postNpy("/models/iris/predict", Npy.write(Tensor.ofDoubles(values, 1, 4)));

        String message = onlyError(r, "body", "inputs", "input");
        assertThat(message).contains("float32").contains("float64");
        assertServing();
    }

    @Test
    void an_npy_of_the_wrong_width_is_422_with_the_expected_shape() {
        TestResponse r = postNpy("/models/iris/predict", Npy.write(Tensor.ofFloats(new float[] {1, 2, 3}, 1, 3)));

        String message = onlyError(r, "body", "inputs", "input");
        assertThat(message).contains("[batch,4]").contains("[1,3]");
    }

    @Test
    void a_truncated_npy_is_422_at_the_input() {
        byte[] whole = Npy.write(Tensor.ofFloats(rows));
        TestResponse r = postNpy("/models/iris/predict", Arrays.copyOf(whole, whole.length - 5));

        String message = onlyError(r, "body", "inputs", "input");
        assertThat(message).contains("bytes");
        assertServing();
    }

    @Test
    void an_npy_cut_inside_its_header_is_422_at_the_input() {
        byte[] whole = Npy.write(Tensor.ofFloats(rows));
        TestResponse r = postNpy("/models/iris/predict", Arrays.copyOf(whole, 20));

        String message = onlyError(r, "body", "inputs", "input");
        assertThat(message).contains("truncated");
        assertServing();
    }

    @Test
    void a_body_with_bad_magic_is_422_at_the_input() {
        TestResponse r = postNpy("/models/iris/predict", "not numpy at all".getBytes(StandardCharsets.US_ASCII));

        String message = onlyError(r, "body", "inputs", "input");
        assertThat(message).contains("magic");
        assertServing();
    }

    @Test
    void an_empty_npy_body_is_422() {
        onlyError(postNpy("/models/iris/predict", new byte[0]), "body", "inputs", "input");
        assertServing();
    }

    @Test
    void nan_in_a_float32_npy_is_422_mentioning_nan() {
        float[] values = {5.1f, Float.NaN, 1.4f, 0.2f};
        TestResponse r = postNpy("/models/iris/predict", Npy.write(Tensor.ofFloats(values, 1, 4)));

        String message = onlyError(r, "body", "inputs", "input");
        assertThat(message).contains("NaN");
        assertServing();
    }

    @Test
    void infinity_in_a_float32_npy_is_422() {
        float[] values = {1.5f, Float.NEGATIVE_INFINITY, 2.5f};
        TestResponse r = postNpy("/models/strict/predict", Npy.write(Tensor.ofFloats(values, 1, 3)));

        assertThat(onlyError(r, "body", "inputs", "x")).contains("Infinity");
    }

    @Test
    void a_model_configured_to_allow_non_finite_values_accepts_nan() {
        float[] values = {Float.NaN, Float.POSITIVE_INFINITY, 1.5f};
        byte[] npy = Npy.write(Tensor.ofFloats(values, 1, 3));

        TestResponse strict = postNpy("/models/strict/predict", npy);
        TestResponse json = postNpy("/models/lenient/predict", npy);
        TestResponse back = client.request("POST", "/models/lenient/predict").header("Accept", Npy.MEDIA_TYPE)
                .body(npy, Npy.MEDIA_TYPE).send();

        assertThat(onlyError(strict, "body", "inputs", "x")).contains("NaN");
        assertThat(json.status()).as(json.text()).isEqualTo(200);
        assertThat(json.json().get("outputs").get("y").toString()).isEqualTo("[[\"NaN\",\"Infinity\",1.5]]");
        assertThat(back.status()).as(back.text()).isEqualTo(200);
        float[] out = Npy.read(back.body()).toFloats();
        assertThat(Float.isNaN(out[0])).isTrue();
        assertThat(out[1]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(out[2]).isEqualTo(1.5f);
    }

    @Test
    void npy_to_a_model_with_two_inputs_is_415() {
        TestResponse r = postNpy("/models/two/predict", Npy.write(Tensor.ofFloats(new float[] {1, 2}, 1, 2)));

        JsonNode body = problem(r, 415);
        assertThat(body.get("detail").asText()).contains("2 inputs").contains("JSON");
        assertServing();
    }

    @Test
    void a_text_body_is_415_naming_the_accepted_types() {
        TestResponse r = client.request("POST", "/models/iris/predict")
                .body("5.1,3.5,1.4,0.2".getBytes(StandardCharsets.UTF_8), "text/plain").send();

        JsonNode body = problem(r, 415);
        assertThat(body.get("detail").asText()).contains("application/json").contains(Npy.MEDIA_TYPE).contains("text/plain");
        assertServing();
    }

    @Test
    void a_body_with_no_content_type_is_415() {
        TestResponse r = client.request("POST", "/models/iris/predict")
                .body(Npy.write(Tensor.ofFloats(rows)), null).send();

        assertThat(problem(r, 415).get("detail").asText()).contains("Content-Type");
        assertServing();
    }

    @Test
    void big_endian_and_fortran_order_npy_files_are_read() {
        // np.save of x.astype('>f4') and of np.asfortranarray(x): the header says so, the bytes follow.
        float[] flat = {5.1f, 3.5f, 1.4f, 0.2f, 7.7f, 3.0f, 6.1f, 2.3f};
        byte[] bigEndian = npy("{'descr': '>f4', 'fortran_order': False, 'shape': (2, 4), }",
                java.nio.ByteOrder.BIG_ENDIAN, flat);
        float[] columnMajor = new float[8];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 4; c++) {
                columnMajor[c * 2 + r] = flat[r * 4 + c];
            }
        }
        byte[] fortran = npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 4), }",
                java.nio.ByteOrder.LITTLE_ENDIAN, columnMajor);
        float[][] expectedRows = {{5.1f, 3.5f, 1.4f, 0.2f}, {7.7f, 3.0f, 6.1f, 2.3f}};

        for (byte[] body : new byte[][] {bigEndian, fortran}) {
            TestResponse r = client.request("POST", "/models/iris/predict").header("Accept", Npy.MEDIA_TYPE)
                    .body(body, Npy.MEDIA_TYPE).send();
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(argmax(Npy.read(r.body()))).containsExactly(DemoModels.irisPredictions(expectedRows));
        }
    }

    /** A version 1.0 .npy with the given header dict, padded as numpy pads it. */
    private static byte[] npy(String dict, java.nio.ByteOrder order, float[] values) {
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        var b = java.nio.ByteBuffer.allocate(10 + header.length() + values.length * 4);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        b.order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private static int[] argmax(Tensor scores) {
        int n = Math.toIntExact(scores.shape()[0]);
        int width = Math.toIntExact(scores.shape()[1]);
        float[] flat = scores.toFloats();
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            for (int c = 1; c < width; c++) {
                if (flat[r * width + c] > flat[r * width + out[r]]) {
                    out[r] = c;
                }
            }
        }
        return out;
    }
}
