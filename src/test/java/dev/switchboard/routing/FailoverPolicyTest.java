package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderFailure.AuthRejected;
import dev.switchboard.provider.ProviderFailure.CircuitOpen;
import dev.switchboard.provider.ProviderFailure.ConnectionFailed;
import dev.switchboard.provider.ProviderFailure.ContentFiltered;
import dev.switchboard.provider.ProviderFailure.ContextTooLong;
import dev.switchboard.provider.ProviderFailure.MalformedResponse;
import dev.switchboard.provider.ProviderFailure.RateLimited;
import dev.switchboard.provider.ProviderFailure.RequestRejected;
import dev.switchboard.provider.ProviderFailure.ServerError;
import dev.switchboard.provider.ProviderFailure.TimedOut;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.routing.FailoverPolicy.Decision;
import dev.switchboard.support.TestConfig;

/** The failure table as a decision table: failure, retries so far, others left, time left -> decision. */
class FailoverPolicyTest {

    private static final ProviderId P = ProviderId.OPENAI;
    private static final Duration PLENTY = Duration.ofSeconds(30);

    /** Jitter fixed at its top (random 1.0), so backoffs equal their configured base. */
    private static final FailoverPolicy POLICY = new FailoverPolicy(TestConfig.load(TestConfig.seed()).routing(), () -> 1.0);
    private static final FailoverPolicy FILTER_FAILOVER = new FailoverPolicy(TestConfig.load(
            TestConfig.seed("switchboard.routing.failover-on-content-filter", "true")).routing(), () -> 1.0);

    private static Decision retry(long ms) {
        return new Decision.Retry(Duration.ofMillis(ms));
    }

    private static final Decision FAIL_OVER = new Decision.FailOver();
    private static final Decision STOP = new Decision.Stop();

    static Stream<Arguments> table() {
        return Stream.of(
                // F1: Retry-After
                Arguments.of("429 Retry-After, others left", new RateLimited(P, 429, "", Duration.ofSeconds(1)), 0, true, PLENTY, FAIL_OVER),
                Arguments.of("429 Retry-After 1 s, last route", new RateLimited(P, 429, "", Duration.ofSeconds(1)), 0, false, PLENTY, retry(1000)),
                Arguments.of("429 Retry-After over the max wait", new RateLimited(P, 429, "", Duration.ofSeconds(6)), 0, false, PLENTY, FAIL_OVER),
                Arguments.of("429 Retry-After past the deadline", new RateLimited(P, 429, "", Duration.ofSeconds(2)), 0, false, Duration.ofSeconds(1), FAIL_OVER),
                Arguments.of("429 Retry-After, already retried", new RateLimited(P, 429, "", Duration.ofSeconds(1)), 1, false, PLENTY, FAIL_OVER),
                // F2: no Retry-After
                Arguments.of("429 bare, first time", new RateLimited(P, 429, "", null), 0, true, PLENTY, retry(1000)),
                Arguments.of("429 bare, second time", new RateLimited(P, 429, "", null), 1, true, PLENTY, FAIL_OVER),
                // F3/F4/F5
                Arguments.of("5xx first time", new ServerError(P, 503, ""), 0, true, PLENTY, retry(250)),
                Arguments.of("5xx second time", new ServerError(P, 503, ""), 1, true, PLENTY, FAIL_OVER),
                Arguments.of("5xx, no time for a backoff", new ServerError(P, 503, ""), 0, true, Duration.ofMillis(100), FAIL_OVER),
                Arguments.of("connection reset", new ConnectionFailed(P, "", null), 0, true, PLENTY, retry(250)),
                // F6, F12, F17, F18 and the rest: straight to the next route
                Arguments.of("timeout", new TimedOut(P, ""), 0, true, PLENTY, FAIL_OVER),
                Arguments.of("context too long", new ContextTooLong(P, 400, ""), 0, true, PLENTY, FAIL_OVER),
                Arguments.of("key rejected", new AuthRejected(P, 401, ""), 0, true, PLENTY, FAIL_OVER),
                Arguments.of("malformed body", new MalformedResponse(P, "", null), 0, true, PLENTY, FAIL_OVER),
                Arguments.of("other 4xx", new RequestRejected(P, 404, ""), 0, true, PLENTY, FAIL_OVER),
                Arguments.of("breaker open", new CircuitOpen(P), 0, true, PLENTY, FAIL_OVER),
                // F13
                Arguments.of("content filtered", new ContentFiltered(P, 400, ""), 0, true, PLENTY, STOP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String row, ProviderFailure failure, int retries, boolean othersLeft, Duration remaining, Decision expected) {
        assertThat(POLICY.decide(failure, retries, othersLeft, remaining)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void contentFilterFailoverIsTheOnlySwitchOfTheTable(String row, ProviderFailure failure, int retries, boolean othersLeft,
            Duration remaining, Decision expected) {
        Decision withSwitch = FILTER_FAILOVER.decide(failure, retries, othersLeft, remaining);
        assertThat(withSwitch).isEqualTo(failure instanceof ContentFiltered ? FAIL_OVER : expected);
    }

    @ParameterizedTest
    @MethodSource("jitter")
    void jitterStaysBetweenHalfAndAllOfTheBase(double random, long expectedMs) {
        FailoverPolicy policy = new FailoverPolicy(TestConfig.load(TestConfig.seed()).routing(), () -> random);
        assertThat(policy.jittered(Duration.ofMillis(1000))).isEqualTo(Duration.ofMillis(expectedMs));
    }

    static Stream<Arguments> jitter() {
        return Stream.of(Arguments.of(0.0, 500L), Arguments.of(0.5, 750L), Arguments.of(1.0, 1000L));
    }
}
