package barista.inference;

import static barista.inference.ProblemChecks.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import barista.demo.models.TestModels;
import barista.inference.tensor.DType;
import barista.inference.tensor.Npy;
import barista.inference.tensor.Tensor;
import barista.test.TestClient;
import barista.test.TestResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity models ({@code y = x}, {@code [batch, 3]}) of each element type: what goes in comes
 * back out, in the JSON type that fits (integers as integers, booleans as true/false), and values
 * the type cannot hold are refused before the model runs.
 */
class DtypeModelsTest {
    @TempDir
    static Path dir;
    static Barista app;
    static TestClient client;

    @BeforeAll
    static void start() {
        TestModels.writeIdentity(dir, "f32", "float32");
        TestModels.writeIdentity(dir, "f64", "float64");
        TestModels.writeIdentity(dir, "i64", "int64");
        TestModels.writeIdentity(dir, "i32", "int32");
        TestModels.writeIdentity(dir, "u8", "uint8");
        TestModels.writeIdentity(dir, "flag", "bool");
        app = Apps.serving(dir);
        Apps.loaded(app);
        client = TestClient.inProcess(app);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static TestResponse predict(String model, String inputs) {
        return client.request("POST", "/models/" + model + "/predict").jsonText("{\"inputs\": " + inputs + "}").send();
    }

    /** The {@code y} output of a 200 reply. */
    private static JsonNode y(TestResponse r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().get("outputs").get("y");
    }

    @Test
    void every_model_loaded_with_its_dtype_in_the_listing() {
        JsonNode list = client.get("/models").json();

        assertThat(list.size()).isEqualTo(6);
        for (JsonNode m : list) {
            JsonNode v = m.get("versions").get(0);
            assertThat(v.get("state").asText()).as(m.toString()).isEqualTo("ready");
        }
        assertThat(client.get("/models/u8").json().get("versions").get(0).get("inputs").get(0).get("dtype").asText())
                .isEqualTo("uint8");
    }

    // ---------------------------------------------------------------- floats

    @Test
    void float64_values_come_back_exactly() {
        JsonNode y = y(predict("f64", "[[0.1, -2.5e300, 4.9e-324], [1, 2, 3]]"));

        assertThat(y.get(0).get(0).asDouble()).isEqualTo(0.1);
        assertThat(y.get(0).get(1).asDouble()).isEqualTo(-2.5e300);
        assertThat(y.get(0).get(2).asDouble()).isEqualTo(4.9e-324);
        assertThat(y.get(1).toString()).isEqualTo("[1.0,2.0,3.0]");
    }

    @Test
    void float32_values_come_back_as_float32() {
        JsonNode y = y(predict("f32", "[[0.1, 1e38, -3]]"));

        assertThat((float) y.get(0).get(0).asDouble()).isEqualTo(0.1f);
        assertThat((float) y.get(0).get(1).asDouble()).isEqualTo(1e38f);
        assertThat(y.get(0).get(2).asDouble()).isEqualTo(-3.0);
    }

    // ---------------------------------------------------------------- integers

    @Test
    void int64_values_come_back_as_exact_json_integers() {
        JsonNode y = y(predict("i64", "[[9007199254740993, -9223372036854775808, 9223372036854775807]]"));

        assertThat(y.toString()).isEqualTo("[[9007199254740993,-9223372036854775808,9223372036854775807]]");
        y.get(0).forEach(v -> assertThat(v.isIntegralNumber()).isTrue());
    }

    @Test
    void int32_values_come_back_as_json_integers() {
        JsonNode y = y(predict("i32", "[[2147483647, -2147483648, 7], [0, 1, 2]]"));

        assertThat(y.toString()).isEqualTo("[[2147483647,-2147483648,7],[0,1,2]]");
    }

    @Test
    void uint8_values_come_back_as_json_integers() {
        JsonNode y = y(predict("u8", "[[0, 255, 3.0]]"));

        assertThat(y.toString()).isEqualTo("[[0,255,3]]");
    }

    @Test
    void an_integral_float_such_as_1e2_is_accepted_by_an_integer_model() {
        assertThat(y(predict("i64", "[[1e2, 2.0, -0.0]]")).toString()).isEqualTo("[[100,2,0]]");
    }

    @Test
    void a_fraction_is_422_for_integer_models() {
        for (String model : new String[] {"i64", "i32", "u8"}) {
            String message = onlyError(predict(model, "[[1, 1.5, 3]]"), "body", "inputs", "x");

            assertThat(message).as(model).contains("x[0][1]").contains("1.5").contains("not an integer");
        }
    }

    @Test
    void a_value_out_of_range_is_422_naming_the_range() {
        String u8 = onlyError(predict("u8", "[[1, 300, 3]]"), "body", "inputs", "x");
        String negative = onlyError(predict("u8", "[[1, -1, 3]]"), "body", "inputs", "x");
        String i32 = onlyError(predict("i32", "[[2147483648, 0, 0]]"), "body", "inputs", "x");
        String i64 = onlyError(predict("i64", "[[9223372036854775808, 0, 0]]"), "body", "inputs", "x");

        assertThat(u8).contains("300").contains("out of range for uint8").contains("0 to 255");
        assertThat(negative).contains("-1").contains("uint8");
        assertThat(i32).contains("2147483648").contains("int32");
        assertThat(i64).contains("9223372036854775808").contains("int64");
    }

    @Test
    void strings_and_booleans_are_422_for_integer_models() {
        assertThat(onlyError(predict("i64", "[[1, \"2\", 3]]"), "body", "inputs", "x")).contains("got a string");
        assertThat(onlyError(predict("i64", "[[1, true, 3]]"), "body", "inputs", "x")).contains("got true");
        assertThat(onlyError(predict("i64", "[[1, \"NaN\", 3]]"), "body", "inputs", "x")).contains("got a string");
    }

    // ---------------------------------------------------------------- bool

    @Test
    void bool_takes_true_and_false_and_gives_them_back() {
        assertThat(y(predict("flag", "[[true, false, true], [false, false, true]]")).toString())
                .isEqualTo("[[true,false,true],[false,false,true]]");
    }

    @Test
    void bool_takes_zero_and_one() {
        assertThat(y(predict("flag", "[[0, 1, 0]]")).toString()).isEqualTo("[[false,true,false]]");
    }

    @Test
    void bool_refuses_other_numbers_and_strings() {
        assertThat(onlyError(predict("flag", "[[true, 2, false]]"), "body", "inputs", "x")).contains("true or false");
        assertThat(onlyError(predict("flag", "[[true, 0.5, false]]"), "body", "inputs", "x")).contains("true or false");
        assertThat(onlyError(predict("flag", "[[true, \"true\", false]]"), "body", "inputs", "x")).contains("true or false");
    }

    // ---------------------------------------------------------------- npy and KServe

    @Test
    void int64_npy_comes_back_as_the_same_npy() {
        long[] values = {Long.MIN_VALUE, -1, Long.MAX_VALUE, 0, 1, 2};
        byte[] npy = Npy.write(Tensor.ofLongs(values, 2, 3));
        TestResponse r = client.request("POST", "/models/i64/predict").header("Accept", Npy.MEDIA_TYPE)
                .body(npy, Npy.MEDIA_TYPE).send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(npy);
    }

    @Test
    void an_npy_of_another_integer_type_is_422_naming_both() {
        TestResponse r = client.request("POST", "/models/i64/predict")
                .body(Npy.write(Tensor.ofInts(new int[] {1, 2, 3}, 1, 3)), Npy.MEDIA_TYPE).send();

        assertThat(onlyError(r, "body", "inputs", "x")).contains("int64").contains("int32");
    }

    @Test
    void bool_npy_round_trips() {
        Tensor flags = new Tensor(DType.BOOL, new long[] {1, 3}, new byte[] {1, 0, 1});
        TestResponse r = client.request("POST", "/models/flag/predict").header("Accept", Npy.MEDIA_TYPE)
                .body(Npy.write(flags), Npy.MEDIA_TYPE).send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(Npy.read(r.body())).isEqualTo(flags);
    }

    @Test
    void kserve_infer_reads_and_writes_int64() {
        TestResponse r = client.request("POST", "/v2/models/i64/infer").jsonText("""
                {"inputs": [{"name": "x", "shape": [2, 3], "datatype": "INT64",
                  "data": [9007199254740993, -1, 0, 1, 2, 3]}]}""").send();

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode out = r.json().get("outputs").get(0);
        assertThat(out.get("datatype").asText()).isEqualTo("INT64");
        assertThat(out.get("shape").toString()).isEqualTo("[2,3]");
        assertThat(out.get("data").toString()).isEqualTo("[9007199254740993,-1,0,1,2,3]");
    }

    @Test
    void kserve_infer_refuses_a_fraction_for_int64() {
        TestResponse r = client.request("POST", "/v2/models/i64/infer").jsonText("""
                {"inputs": [{"name": "x", "shape": [1, 3], "datatype": "INT64", "data": [1, 1.5, 3]}]}""").send();

        assertThat(onlyError(r, "body", "inputs", 0)).contains("1.5");
    }

    @Test
    void kserve_infer_reads_and_writes_bool_and_uint8() {
        TestResponse flags = client.request("POST", "/v2/models/flag/infer").jsonText("""
                {"inputs": [{"name": "x", "shape": [1, 3], "datatype": "BOOL", "data": [true, false, true]}]}""").send();
        TestResponse bytes = client.request("POST", "/v2/models/u8/infer").jsonText("""
                {"inputs": [{"name": "x", "shape": [1, 3], "datatype": "UINT8", "data": [0, 128, 255]}]}""").send();

        assertThat(flags.status()).as(flags.text()).isEqualTo(200);
        assertThat(flags.json().get("outputs").get(0).get("datatype").asText()).isEqualTo("BOOL");
        assertThat(flags.json().get("outputs").get(0).get("data").toString()).isEqualTo("[true,false,true]");
        assertThat(bytes.status()).as(bytes.text()).isEqualTo(200);
        assertThat(bytes.json().get("outputs").get(0).get("data").toString()).isEqualTo("[0,128,255]");
    }

    @Test
    void kserve_metadata_uses_the_protocols_datatypes() {
        assertThat(client.get("/v2/models/f64").json().get("inputs").get(0).get("datatype").asText()).isEqualTo("FP64");
        assertThat(client.get("/v2/models/i32").json().get("inputs").get(0).get("datatype").asText()).isEqualTo("INT32");
        assertThat(client.get("/v2/models/flag").json().get("inputs").get(0).get("datatype").asText()).isEqualTo("BOOL");
    }
}
