package dev.switchboard.provider;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a provider's request to wait: HTTP {@code Retry-After} (delay-seconds or an HTTP-date, RFC 9110
 * §10.2.3) and OpenAI's {@code retry-after-ms}. A wait is never negative and never longer than
 * {@link #LONGEST}: whatever a provider or a proxy in front of it sends, the route's cooldown stays a
 * time the gateway can reach (a year-9999 date or {@code 1e300} seconds would otherwise overflow the
 * arithmetic on it, or keep the route out until the process restarts).
 */
public final class RetryAfter {

    /** The longest wait honoured; a longer one is read as this. */
    public static final Duration LONGEST = Duration.ofDays(1);

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            // Some providers send fractional seconds ("1.5"); never wait less than they asked.
            return millis(Double.parseDouble(trimmed) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                if (wait.isNegative()) {
                    return Optional.of(Duration.ZERO);
                }
                if (wait.compareTo(LONGEST) > 0) {
                    return Optional.of(LONGEST);
                }
                // Whole milliseconds, rounded up: timers run in milliseconds, and must never fire early.
                return Optional.of(Duration.ofMillis((wait.toNanos() + 999_999) / 1_000_000));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** OpenAI's {@code retry-after-ms}: milliseconds, possibly fractional. */
    public static Optional<Duration> parseMillis(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return millis(Double.parseDouble(value.trim()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** A wait of this many milliseconds, rounded up and at most {@link #LONGEST}; none when it is no number of them. */
    private static Optional<Duration> millis(double millis) {
        if (millis < 0 || Double.isNaN(millis)) {
            return Optional.empty();
        }
        return Optional.of(millis >= LONGEST.toMillis() ? LONGEST : Duration.ofMillis((long) Math.ceil(millis)));
    }
}
