package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("120", Optional.of(Duration.ofSeconds(120))),
                Arguments.of(" 5 ", Optional.of(Duration.ofSeconds(5))),
                Arguments.of("1.5", Optional.of(Duration.ofMillis(1500))),
                Arguments.of("0", Optional.of(Duration.ZERO)),
                Arguments.of("Wed, 25 Nov 2026 10:00:30 GMT", Optional.of(Duration.ofSeconds(30))),
                Arguments.of("Wed, 25 Nov 2026 09:59:00 GMT", Optional.of(Duration.ZERO)),
                Arguments.of("-3", Optional.empty()),
                Arguments.of("1e300", Optional.of(RetryAfter.LONGEST)),
                Arguments.of("Infinity", Optional.of(RetryAfter.LONGEST)),
                Arguments.of("NaN", Optional.empty()),
                Arguments.of("Fri, 31 Dec 9999 23:59:59 GMT", Optional.of(RetryAfter.LONGEST)),
                Arguments.of("soon", Optional.empty()),
                Arguments.of("", Optional.empty()),
                Arguments.of(null, Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("values")
    void readsSecondsAndHttpDates(String header, Optional<Duration> expected) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(expected);
    }

    static Stream<Arguments> milliseconds() {
        return Stream.of(
                Arguments.of("1500", Optional.of(Duration.ofMillis(1500))),
                Arguments.of("20.2", Optional.of(Duration.ofMillis(21))),
                Arguments.of("-5", Optional.empty()),
                Arguments.of("1e30", Optional.of(RetryAfter.LONGEST)),
                Arguments.of("soon", Optional.empty()),
                Arguments.of(null, Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("milliseconds")
    void readsOpenAisMillisecondsNeverNegativeNorBeyondTheLongestWait(String header, Optional<Duration> expected) {
        assertThat(RetryAfter.parseMillis(header)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void roundsAnHttpDateUpToWholeMillisecondsSoATimerNeverFiresEarly() {
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 10:00:30 GMT", NOW.plusNanos(500)))
                .contains(Duration.ofMillis(30_000));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 10:00:30 GMT", NOW.plusNanos(1_000_500)))
                .contains(Duration.ofMillis(29_999));
    }
}
