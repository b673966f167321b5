package barista.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import org.junit.jupiter.api.Test;

/** The dummy hash checked for unknown users must cost what a real check costs. */
class PasswordsTest {
    @Test
    void the_dummy_hash_has_the_parameters_of_every_new_hash() {
        Argon2Function dummy = Argon2Function.getInstanceFromHash(Passwords.DUMMY);
        Argon2Function fresh = Argon2Function.getInstanceFromHash(Passwords.hash("correct horse battery"));

        assertThat(dummy.getMemory()).isEqualTo(fresh.getMemory()).isEqualTo(Passwords.MEMORY_KIB);
        assertThat(dummy.getIterations()).isEqualTo(fresh.getIterations()).isEqualTo(Passwords.ITERATIONS);
        assertThat(dummy.getParallelism()).isEqualTo(fresh.getParallelism()).isEqualTo(Passwords.PARALLELISM);
        assertThat(dummy.getVariant()).isEqualTo(fresh.getVariant());
    }

    @Test
    void an_unknown_user_is_checked_against_the_dummy_and_never_matches() {
        assertThat(Passwords.verify("anything at all", null)).isFalse();
        assertThat(Passwords.verify("", null)).isFalse();
    }
}
