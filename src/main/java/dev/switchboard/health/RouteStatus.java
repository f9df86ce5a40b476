package dev.switchboard.health;

import java.time.Duration;
import java.util.Optional;

import dev.switchboard.provider.ProviderId;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * One route's health at one instant, for the status API, the health checks and the metrics.
 *
 * @param healthy           not taken out by its own errors (the seed's flag)
 * @param available         a request would be sent to it now
 * @param circuit           the route's own circuit
 * @param breaker           its provider client's {@code @CircuitBreaker}
 * @param errors            recent errors after decay
 * @param cooldownRemaining until its circuit cools down or its provider's Retry-After ends
 * @param unavailableReason why it is not available, when it is not
 */
public record RouteStatus(String route, ProviderId provider, String model, boolean adHoc, boolean healthy,
        boolean available, CircuitState circuit, CircuitBreakerState breaker, int errors, long successes,
        long failures, LatencyStats latency, LatencyStats timeToFirstToken, Duration cooldownRemaining,
        Optional<String> unavailableReason, Optional<LastFailure> lastFailure) {
}
