package barista.engine.vertx;

import barista.BaristaException;
import barista.Config;
import barista.spi.Dispatcher;
import barista.spi.Engine;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Barista's HTTP engine. One Vert.x HTTP server per event loop shares the port (Vert.x spreads
 * connections across them). By default there is one event loop per two cores: the other cores
 * run handlers on virtual threads and models' batch workers. On 2 cores, 1 loop measured best
 * in both threading modes (GET /predict on the event loop: 62k req/s with 1 loop, 44k with 2);
 * {@code barista.event-loops} overrides it.
 */
public final class VertxEngine implements Engine {

    static int defaultEventLoops() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /**
     * Creates and closes a throwaway Vert.x instance: loading and initialising its ~2,000
     * classes takes about 450 ms on 2 cores, and done here it overlaps with route declaration,
     * so the real start finds them ready. Nothing is kept: Vert.x threads are not daemons.
     */
    @Override
    public void warmUp() {
        Vertx.vertx(options(1)).close().await();
    }

    private static VertxOptions options(int loops) {
        return new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false));
    }

    @Override
    public Server start(Dispatcher dispatcher, Config config) {
        int loops = config.eventLoops() > 0 ? config.eventLoops() : defaultEventLoops();
        Vertx vertx = Vertx.vertx(options(loops));
        // A plain virtual thread per request: an ExecutorService would also track every thread
        // in a set for its own shutdown, which RequestHandler's in-flight count already covers.
        ThreadFactory factory = Thread.ofVirtual().factory();
        Executor virtualThreads = task -> factory.newThread(task).start();
        RequestHandler handler = new RequestHandler(dispatcher, virtualThreads);
        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setTcpNoDelay(true)
                .setReuseAddress(true)
                .setCompressionSupported(config.gzipMinBytes() >= 0)
                .setCompressionContentSizeThreshold(Math.max(0, config.gzipMinBytes()))
                .setCompressionLevel(5)
                .setDecompressionSupported(false)
                // HTTP/1.1 only for now: the body and close handling here assume it.
                .setHttp2ClearTextEnabled(false)
                // Close connections idle this long, so stalled clients cannot hold them forever.
                .setIdleTimeout(config.idleTimeoutSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS);
        List<HttpServer> servers = new CopyOnWriteArrayList<>();
        try {
            // One server per event loop, each started from its own verticle instance: a server
            // created from a non-Vert.x thread sticks to that thread's one context, so creating
            // them all from here would put every connection on a single event loop. Every
            // server asks for the configured port, even 0: Vert.x then shares one socket.
            vertx.deployVerticle(() -> new VerticleBase() {
                @Override
                public Future<?> start() {
                    return vertx.createHttpServer(options)
                            .requestHandler(handler)
                            .invalidRequestHandler(handler::invalid)
                            .listen()
                            .onSuccess(servers::add);
                }
            }, new DeploymentOptions().setInstances(loops)).await();
        } catch (Exception e) {
            vertx.close().await();
            throw new BaristaException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        int port = servers.getFirst().actualPort();
        return new VertxServer(vertx, servers, handler, port);
    }

    private record VertxServer(Vertx vertx, List<HttpServer> servers, RequestHandler handler, int port)
            implements Server {

        @Override
        public void stop(Duration grace) {
            long deadline = System.nanoTime() + grace.toNanos();
            // Vert.x stops accepting and closes each connection once its in-flight response is written.
            List<Future<Void>> closing = new ArrayList<>();
            for (HttpServer s : servers) {
                closing.add(s.shutdown(grace));
            }
            while (handler.inFlight() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (Future<Void> f : closing) {
                try {
                    f.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // past the grace period: close regardless
                }
            }
            vertx.close().await();
        }
    }
}
