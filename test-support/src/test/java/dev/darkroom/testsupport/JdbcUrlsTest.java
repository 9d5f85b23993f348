package dev.darkroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void replacesTheDatabaseAndKeepsParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://127.0.0.1:5432/darkroom?sslmode=disable", "other"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/other?sslmode=disable");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db/darkroom", "other"))
                .isEqualTo("jdbc:postgresql://db/other");
    }

    @Test
    void addsADatabaseToAUrlWithoutOne() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432", "x")).isEqualTo("jdbc:postgresql://db:5432/x");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/", "x")).isEqualTo("jdbc:postgresql://db:5432/x");
    }

    @Test
    void refusesOtherUrls() {
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://db/x", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
