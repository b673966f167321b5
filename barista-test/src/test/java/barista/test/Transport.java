package barista.test;

import barista.Barista;
import barista.Config;
import java.util.function.Consumer;

/** The two ways every behaviour test runs: through the pipeline in-process, and over a socket. */
enum Transport {
    IN_PROCESS, SOCKET;

    /** A test app on a free port with the request log off. */
    static Barista app(Consumer<Config.Builder> more) {
        return Barista.create(cfg -> {
            cfg.port(0).requestLog(false);
            more.accept(cfg);
        });
    }

    static Barista app() {
        return app(cfg -> { });
    }

    TestClient client(Barista app) {
        return this == IN_PROCESS ? TestClient.inProcess(app) : TestClient.overSocket(app);
    }
}
