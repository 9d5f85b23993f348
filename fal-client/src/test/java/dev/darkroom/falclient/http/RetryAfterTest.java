package dev.darkroom.falclient.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "Retry-After \"{0}\" means {1} ms")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            5                               | 5000
            0                               | 0
            1.5                             | 1500
            ' 2 '                           | 2000
            Fri, 01 May 2026 10:00:30 GMT   | 30000
            Fri, 01 May 2026 09:59:00 GMT   | 0
            -3                              | null
            soon                            | null
            ''                              | null
            """)
    void readsSecondsAndHttpDates(String header, Long millis) {
        Duration expected = millis == null ? null : Duration.ofMillis(millis);

        assertThat(RetryAfter.parse(header, CLOCK)).isEqualTo(expected);
    }
}
