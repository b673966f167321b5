package barista.inference.runtime;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The process's one ONNX Runtime environment, started on a thread with a stack deep enough for
 * ONNX Runtime's native start-up.
 *
 * <p>Why: ONNX Runtime 1.29's start-up recurses about once per byte of the process's command
 * line, some 270 bytes of stack each. On a thread with the usual 1 MB stack, a command line past
 * about 3.7 KB overflowed it and the JVM died with SIGSEGV, without an hs_err file. A
 * {@code java -cp <every jar>} line, as IDEs and Gradle's {@code run} start apps, is easily
 * that long. Once started, the environment is a singleton and no later call recurses, so only
 * this first call needs the deep stack.
 *
 * <p>Threading: safe from any thread; the first call waits for the start-up, and so does any call
 * that comes while it runs.
 */
final class OnnxEnvironment {
    /** Stack bytes per byte of command line: about twice what the recursion was measured to use. */
    static final long STACK_PER_BYTE = 512;
    private static final long BASE_STACK = 4L << 20;
    private static final long MAX_STACK = 1L << 30;

    /**
     * Guards the start-up: a lock rather than {@code synchronized}, so a virtual thread that
     * waits doesn't pin its carrier on JDK 21.
     */
    private static final ReentrantLock STARTING = new ReentrantLock();
    private static volatile OrtEnvironment environment;
    /** Why the start-up failed (a missing native library): permanent, so later calls fail at once. */
    private static Throwable failure;

    private OnnxEnvironment() {
    }

    static OrtEnvironment get() {
        OrtEnvironment env = environment;
        if (env != null) {
            return env;
        }
        STARTING.lock();
        try {
            if (environment == null) {
                if (failure != null) {
                    throw new IllegalStateException("ONNX Runtime did not start: " + failure, failure);
                }
                try {
                    environment = start();
                } catch (RuntimeException | Error e) {
                    failure = e;
                    throw e;
                }
            }
            return environment;
        } finally {
            STARTING.unlock();
        }
    }

    /** The stack the start-up needs for a command line of {@code commandLineBytes}. */
    static long stackFor(long commandLineBytes) {
        return Math.min(MAX_STACK, BASE_STACK + STACK_PER_BYTE * commandLineBytes);
    }

    private static OrtEnvironment start() {
        OrtEnvironment[] started = new OrtEnvironment[1];
        Throwable[] failed = new Throwable[1];
        Thread starter = new Thread(null, () -> {
            try {
                started[0] = OrtEnvironment.getEnvironment();
            } catch (Throwable t) { // an UnsatisfiedLinkError or the like: rethrown to the caller
                failed[0] = t;
            }
        }, "barista-onnx-start", stackFor(commandLineBytes()));
        starter.start();
        boolean interrupted = false;
        while (true) {
            try {
                starter.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the start-up can't be stopped halfway; finish it, then pass the interrupt on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failed[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failed[0] instanceof Error e) {
            throw e;
        }
        if (failed[0] != null) {
            throw new IllegalStateException("ONNX Runtime did not start", failed[0]);
        }
        return started[0];
    }

    /**
     * The length of this process's command line: all of {@code /proc/self/cmdline} on Linux
     * (ProcessHandle's {@code commandLine()} stops at 4 KB there); elsewhere 64 KB, so the stack is
     * generous rather than too small.
     */
    private static long commandLineBytes() {
        try {
            return Files.readAllBytes(Path.of("/proc/self/cmdline")).length;
        } catch (IOException | RuntimeException e) {
            return 64 * 1024;
        }
    }
}
