package dev.switchboard.health.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.ConnectException;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;

/** How each way a probe can go wrong is judged. */
class ProbeOutcomeTest {

    private static final ProviderId P = ProviderId.OPENAI;

    static Stream<Arguments> failures() {
        return Stream.of(
                arguments("429: up, only busy", new ProviderFailure.RateLimited(P, 429, "slow down", null), ProbeOutcome.UP),
                arguments("429 with Retry-After", new ProviderFailure.RateLimited(P, 429, "slow down", Duration.ofSeconds(3)),
                        ProbeOutcome.UP),
                arguments("a 503 read as come-back-later is still a 5xx",
                        new ProviderFailure.RateLimited(P, 503, "later", Duration.ofSeconds(3)), ProbeOutcome.FAILED),
                arguments("500", new ProviderFailure.ServerError(P, 500, "oops"), ProbeOutcome.FAILED),
                arguments("Anthropic's 529 overloaded", new ProviderFailure.ServerError(P, 529, "overloaded"),
                        ProbeOutcome.FAILED),
                arguments("connection refused", new ProviderFailure.ConnectionFailed(P, "refused", new ConnectException()),
                        ProbeOutcome.FAILED),
                arguments("no answer in time", new ProviderFailure.TimedOut(P, "silent"), ProbeOutcome.FAILED),
                arguments("a 200 that is not a model list", new ProviderFailure.MalformedResponse(P, "html", null),
                        ProbeOutcome.FAILED),
                arguments("401", new ProviderFailure.AuthRejected(P, 401, "bad key"), ProbeOutcome.KEY_REJECTED),
                arguments("403", new ProviderFailure.AuthRejected(P, 403, "forbidden"), ProbeOutcome.KEY_REJECTED),
                arguments("Gemini's 400 for a bad key, typed as a rejected key",
                        new ProviderFailure.AuthRejected(ProviderId.GEMINI, 400, "API key not valid"),
                        ProbeOutcome.KEY_REJECTED),
                arguments("404: no model list here", new ProviderFailure.RequestRejected(P, 404, "not found"),
                        ProbeOutcome.UNSUPPORTED),
                arguments("405", new ProviderFailure.RequestRejected(P, 405, "method not allowed"),
                        ProbeOutcome.UNSUPPORTED),
                arguments("another 4xx", new ProviderFailure.RequestRejected(P, 400, "bad request"),
                        ProbeOutcome.UNSUPPORTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void judges(String why, ProviderFailure failure, ProbeOutcome expected) {
        assertEquals(expected, ProbeOutcome.of(failure));
    }
}
