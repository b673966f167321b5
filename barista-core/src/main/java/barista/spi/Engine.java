package barista.spi;

import barista.Config;
import java.time.Duration;

/**
 * An HTTP engine: owns sockets, event loops and the hand-off to virtual threads. Found with
 * {@link java.util.ServiceLoader}; Barista ships one built on Vert.x.
 */
public interface Engine {

    /**
     * Loads and initialises what {@link #start} will need, on a background thread, as soon as an
     * app is created; it must keep no threads or sockets open. Optional.
     */
    default void warmUp() {
    }

    /** Binds and starts serving; returns once the socket accepts connections. */
    Server start(Dispatcher dispatcher, Config config);

    /** A running server. */
    interface Server {
        /** The bound port (useful with port 0). */
        int port();

        /**
         * Stops accepting connections, lets in-flight requests finish for up to {@code grace},
         * then closes everything. Blocks until done.
         */
        void stop(Duration grace);
    }
}
