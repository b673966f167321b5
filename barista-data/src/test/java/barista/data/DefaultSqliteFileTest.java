package barista.data;

import static org.assertj.core.api.Assertions.assertThat;

import barista.Barista;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultSqliteFileTest {
    @TempDir
    Path tmp;

    @Test
    void with_no_settings_the_database_is_data_barista_db_with_four_connections() {
        DataSettings s = DataSettings.fromConfig(Barista.create().config());

        assertThat(s.url()).isEqualTo("jdbc:sqlite:data/barista.db");
        assertThat(s.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(s.poolSize()).isEqualTo(4);
        assertThat(s.migrations()).containsExactly("classpath:db/migration");
        assertThat(s.sqliteSynchronous()).isEqualTo("NORMAL");
    }

    @Test
    void opening_the_default_creates_the_data_directory_and_file_with_wal_on() {
        Path dir = tmp.resolve("nested/data");
        var app = Barista.create(cfg -> cfg.property("barista.data.dir", dir.toString()));

        try (Database db = Database.open(DataSettings.fromConfig(app.config()))) {
            assertThat(dir.resolve("barista.db")).exists();
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(db, "busy_timeout")).isEqualTo("5000");
            assertThat(pragma(db, "synchronous")).isEqualTo("1"); // NORMAL
        }
        assertThat(Files.exists(dir.resolve("barista.db-wal")) || Files.exists(dir.resolve("barista.db"))).isTrue();
    }

    @Test
    void synchronous_is_configurable() {
        var app = Barista.create(cfg -> cfg.property("barista.data.dir", tmp.toString())
                .property("barista.data.sqlite.synchronous", "normal"));

        try (Database db = Database.open(DataSettings.fromConfig(app.config()))) {
            assertThat(pragma(db, "synchronous")).isEqualTo("1"); // NORMAL
        }
    }

    @Test
    void every_pooled_connection_gets_the_pragmas() {
        try (Database db = Database.open(DataSettings.sqlite(tmp.resolve("x.db")))) {
            List<String> foreignKeys = db.withHandle(h1 -> db.withHandle(h2 -> db.withHandle(h3 -> List.of(
                    pragma(h1, "foreign_keys"), pragma(h2, "foreign_keys"), pragma(h3, "foreign_keys")))));
            assertThat(foreignKeys).containsOnly("1");
        }
    }

    @Test
    void a_postgresql_url_defaults_to_ten_connections() {
        var app = Barista.create(cfg -> cfg.property("barista.data.url", "jdbc:postgresql://db:5432/app")
                .property("barista.data.migrations", "classpath:a, filesystem:b"));

        DataSettings s = DataSettings.fromConfig(app.config());

        assertThat(s.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(s.poolSize()).isEqualTo(10);
        assertThat(s.migrations()).containsExactly("classpath:a", "filesystem:b");
    }

    @Test
    void postgresql_needs_two_connections_since_migrating_takes_two() {
        var one = Barista.create(cfg -> cfg.property("barista.data.url", "jdbc:postgresql://db:5432/app")
                .property("barista.data.pool-size", "1"));
        var sqliteOne = Barista.create(cfg -> cfg.property("barista.data.pool-size", "1"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataSettings.fromConfig(one.config()))
                .isInstanceOf(barista.SetupException.class).hasMessageContaining("barista.data.pool-size");
        assertThat(DataSettings.fromConfig(sqliteOne.config()).poolSize()).isEqualTo(1);
    }

    static String pragma(Database db, String name) {
        return db.withHandle(h -> pragma(h, name));
    }

    static String pragma(org.jdbi.v3.core.Handle h, String name) {
        return h.createQuery("PRAGMA " + name).mapTo(String.class).one();
    }
}
