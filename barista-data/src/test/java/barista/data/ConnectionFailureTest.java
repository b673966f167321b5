package barista.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class ConnectionFailureTest {
    @Test
    void sqlstate_class_08_and_postgres_shutdown_states_are_connection_failures() {
        assertThat(Database.isConnectionFailure(new SQLException("i/o", "08006"))).isTrue();
        assertThat(Database.isConnectionFailure(new SQLException("refused", "08001"))).isTrue();
        assertThat(Database.isConnectionFailure(new SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(Database.isConnectionFailure(new SQLException("starting up", "57P03"))).isTrue();
    }

    @Test
    void a_pool_timeout_or_a_refused_socket_is_a_connection_failure_even_when_wrapped() {
        var timeout = new SQLTransientConnectionException("barista-data - Connection is not available");
        assertThat(Database.isConnectionFailure(new RuntimeException(new IllegalStateException(timeout)))).isTrue();
        assertThat(Database.isConnectionFailure(new SQLException("x", new ConnectException("refused")))).isTrue();
    }

    @Test
    void statement_errors_are_not_connection_failures() {
        assertThat(Database.isConnectionFailure(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(Database.isConnectionFailure(new SQLException("syntax", "42601"))).isFalse();
        assertThat(Database.isConnectionFailure(new SQLException("no state"))).isFalse();
        assertThat(Database.isConnectionFailure(new IllegalStateException("boom"))).isFalse();
        assertThat(Database.isConnectionFailure(null)).isFalse();
    }
}
