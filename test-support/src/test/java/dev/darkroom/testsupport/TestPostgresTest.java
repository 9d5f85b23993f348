package dev.darkroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@DarkroomInfra(Infra.POSTGRES)
class TestPostgresTest {

    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void eachCreatedDatabaseIsFreshAndSeparate() throws SQLException {
        TestDatabase first = postgres.createDatabase();
        TestDatabase second = postgres.createDatabase();
        try {
            assertThat(first.name()).startsWith("darkroom_t_").isNotEqualTo(second.name());
            assertThat(first.jdbcUrl()).endsWith("/" + first.name());
            try (Connection c = first.connect();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE job (id int PRIMARY KEY)");
                s.execute("INSERT INTO job VALUES (1)");
                assertThat(count(s, "SELECT count(*) FROM job")).isEqualTo(1);
            }
            try (Connection c = second.connect();
                    Statement s = c.createStatement()) {
                assertThat(count(s, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'job'"))
                        .isZero();
            }
        } finally {
            postgres.drop(first);
            postgres.drop(second);
        }
    }

    @Test
    void dropRemovesTheDatabaseEvenWithAnOpenConnection() throws SQLException {
        TestDatabase database = postgres.createDatabase();
        assertThat(postgres.exists(database.name())).isTrue();

        try (Connection open = database.connect()) {
            postgres.drop(database);

            assertThat(postgres.exists(database.name())).isFalse();
            assertThat(open.isValid(2)).isFalse();
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
