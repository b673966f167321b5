package barista.inference;

import barista.Barista;
import barista.demo.models.DemoModels;
import barista.demo.models.TestModels;
import barista.test.TestClient;
import barista.test.TestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZzProbeTest {
    @TempDir
    Path dir;

    @Test
    void probe() throws Exception {
        DemoModels.writeIris(dir);
        TestModels.writeCorrupt(dir, "broken");
        TestModels.writeTwoInputs(dir, "two");
        Barista app = Apps.serving(dir);
        Apps.loaded(app);
        TestClient c = TestClient.inProcess(app);
        StringBuilder out = new StringBuilder();
        out.append(app.routes().stream().map(r -> r.toString()).toList()).append("\n");
        out.append(c.get("/openapi.json").text()).append("\n");
        out.append(c.get("/models/broken").text()).append("\n");
        out.append(c.post("/models/broken/predict", java.util.Map.of("inputs", java.util.List.of())).text()).append("\n");
        out.append(c.request("POST", "/models/iris/predict").jsonText("{\"inputs\": [[1,2,3,4]").send().text()).append("\n");
        out.append(c.request("POST", "/models/iris/predict").jsonText("{\"inputs\": [[1,2,3,4]]").send().text()).append("\n");
        out.append(c.request("POST", "/models/iris/predict").jsonText("{\"inputs\": [[1,2,3,4]]}}").send().text()).append("\n");
        out.append(c.request("POST", "/models/iris/predict").jsonText("{\"inputs\": [[1,2,3,4]] 'x'").send().text()).append("\n");
        out.append(c.request("POST", "/v2/models/iris/infer").jsonText("{\"inputs\": [{\"name\":\"input\"").send().text()).append("\n");
        out.append(c.get("/v2").text()).append("\n");
        out.append(c.get("/v2/models/iris").text()).append("\n");
        Files.writeString(Path.of("/tmp/probe/out.txt"), out);
        app.stop();
    }
}
