package barista.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A session's last-seen time from the database or another node only ever moves it forward. */
class SessionEntryTest {
    @Test
    void a_time_from_elsewhere_moves_the_last_seen_time_forward_never_back() {
        var session = new Directory.SessionEntry("h", "ada", "csrf", 0, 10_000, 2_000);
        session.seenElsewhere(1_000);
        assertThat(session.lastSeen).isEqualTo(2_000);
        session.seenElsewhere(3_000);
        assertThat(session.lastSeen).isEqualTo(3_000);
        assertThat(session.flushedLastSeen).as("the other node wrote it back").isEqualTo(3_000);
    }
}
