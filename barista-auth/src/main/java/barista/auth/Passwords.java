package barista.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashing with OWASP's parameters (19 MiB, 2 passes, 1 lane), stored as the
 * PHC string ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so parameters can change later
 * without breaking old hashes. A check against an unknown user still runs one Argon2 over
 * {@link #DUMMY}, so a login's timing doesn't tell whether the user exists.
 *
 * <p>Threading: thread-safe; each call is CPU-bound for about 80 ms and allocates 19 MiB, so call
 * it from a virtual thread (a handler), never from an event loop.
 */
final class Passwords {
    static final int MEMORY_KIB = 19456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM,
            32, Argon2.ID);
    /**
     * A hash of a random password that was thrown away, checked when the user doesn't exist: a
     * constant, so start-up doesn't spend 80 ms and 19 MiB of heap making one. It has the same
     * parameters as every new hash, so a check against it costs what a real one does.
     */
    static final String DUMMY =
            "$argon2id$v=19$m=19456,t=2,p=1$mQd/BpeBLFCL5Fm/BkggXw$BXaLSlIoa8l32VNeYKt7WrKE88ni4PI/iSi8X6AS8rk";

    /** Loads the hashing classes ahead of the first login. */
    static void warmUp() {
        // class initialisation did the work
    }

    /** Shorter passwords are refused. */
    static final int MIN_LENGTH = 8;
    /** Longer ones are refused too: Argon2 over megabytes of input is a cheap denial of service. */
    static final int MAX_LENGTH = 1024;

    private Passwords() {
    }

    static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /** Whether {@code password} matches the PHC string {@code hash}; null hash checks the dummy and fails. */
    static boolean verify(String password, String hash) {
        if (hash == null) {
            Password.check(password, DUMMY).with(ARGON2ID);
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
