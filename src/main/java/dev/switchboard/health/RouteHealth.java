package dev.switchboard.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.FailureKind;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.routing.Route;

/**
 * One route's passive health, learnt from its traffic: success and failure counts, an error count
 * that each success decays, recent latencies (whole answers, and time to first token for streams),
 * a cooldown after a provider's Retry-After, and the route's own circuit. The circuit opens when the
 * decayed errors reach the threshold; after the cooldown (or sooner, when its provider's probe
 * succeeds) it is half-open and lets exactly one trial request through, whose outcome closes or
 * reopens it. Thread-safe; every method is short and never waits.
 */
final class RouteHealth {

    /** What a request may do with the route now. */
    enum Admission {
        ADMITTED, TRIAL, REFUSED
    }

    private final Route route;
    private final SwitchboardConfig.Health settings;
    private final Clock clock;
    private final LatencyWindow latency;
    private final LatencyWindow firstToken;

    private CircuitState state = CircuitState.CLOSED;
    private int errors;
    private long successes;
    private long failures;
    private Instant openUntil = Instant.MIN;
    private Instant rateLimitedUntil = Instant.MIN;
    private boolean trialOut;
    private LastFailure lastFailure;

    RouteHealth(Route route, SwitchboardConfig.Health settings, Clock clock) {
        this.route = route;
        this.settings = settings;
        this.clock = clock;
        this.latency = new LatencyWindow(settings.latencyWindow());
        this.firstToken = new LatencyWindow(settings.latencyWindow());
    }

    Route route() {
        return route;
    }

    /** Whether this failure says the route is sick, rather than the request or the caller's quota being at fault. */
    static boolean countsAgainst(ProviderFailure failure) {
        return switch (failure.kind()) {
            case SERVER_ERROR, CONNECTION_FAILED, TIMEOUT, MALFORMED_RESPONSE -> true;
            // A 429 with Retry-After is honoured by a cooldown of exactly that length; without one, it is load.
            case RATE_LIMITED -> ((ProviderFailure.RateLimited) failure).retryAfter().isEmpty();
            default -> false;
        };
    }

    /** Why the route would be refused now, without taking anything. */
    synchronized Optional<Unavailable> unavailable() {
        Instant now = clock.instant();
        if (now.isBefore(rateLimitedUntil)) {
            return Optional.of(new Unavailable(FailureKind.RATE_LIMITED, "cooling down for "
                    + seconds(Duration.between(now, rateLimitedUntil)) + " s more after a rate limit", false));
        }
        if (state == CircuitState.OPEN && now.isBefore(openUntil)) {
            return Optional.of(new Unavailable(FailureKind.CIRCUIT_OPEN, "circuit open after " + errors
                    + " recent failures; cooling down for " + seconds(Duration.between(now, openUntil)) + " s more", true));
        }
        if (state != CircuitState.CLOSED && trialOut) {
            return Optional.of(new Unavailable(FailureKind.CIRCUIT_OPEN,
                    "circuit half-open: a trial request is already in flight", false));
        }
        return Optional.empty();
    }

    /** Takes the route for one call: plainly, as the half-open trial, or not at all. */
    synchronized Admission admit() {
        if (unavailable().isPresent()) {
            return Admission.REFUSED;
        }
        if (state == CircuitState.CLOSED) {
            return Admission.ADMITTED;
        }
        state = CircuitState.HALF_OPEN;
        trialOut = true;
        return Admission.TRIAL;
    }

    /** A call made although the route is out, because nothing better was left: it is judged like a trial. */
    synchronized void forceTrial() {
        if (state != CircuitState.CLOSED) {
            state = CircuitState.HALF_OPEN;
            trialOut = true;
        }
    }

    /** @param took the whole answer's latency; null for a stream, whose first token was measured already */
    synchronized void succeeded(boolean trial, Duration took) {
        successes++;
        if (took != null) {
            latency.add(took);
        }
        if (trial || state != CircuitState.CLOSED) {
            close();
        } else {
            errors = Math.max(0, errors - settings.errorDecay());
        }
        if (trial) {
            trialOut = false;
        }
    }

    synchronized void firstToken(Duration took) {
        firstToken.add(took);
    }

    synchronized void failed(boolean trial, ProviderFailure failure, String detail) {
        if (trial) {
            trialOut = false;
        }
        lastFailure = new LastFailure(failure.kind(), failure.status(), clock.instant(), detail);
        if (failure instanceof ProviderFailure.RateLimited limited && limited.retryAfter().isPresent()) {
            coolDown(limited.retryAfter().get());
        }
        if (!countsAgainst(failure)) {
            return;
        }
        failures++;
        errors++;
        if (trial || state == CircuitState.HALF_OPEN || errors >= settings.failureThreshold()) {
            open();
        }
    }

    /** The call ended without a verdict (the caller left, or the failure was the request's own). */
    synchronized void released(boolean trial) {
        if (trial) {
            trialOut = false;
        }
    }

    /** The provider's probe succeeded: an open circuit need not wait out its cooldown for its trial. */
    synchronized void providerRecovered() {
        if (state == CircuitState.OPEN) {
            openUntil = clock.instant();
        }
    }

    /** The provider asked us to wait: no request takes this route until then. */
    synchronized void coolDown(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(rateLimitedUntil)) {
            rateLimitedUntil = until;
        }
    }

    synchronized Optional<Duration> rateLimitedFor() {
        Duration left = Duration.between(clock.instant(), rateLimitedUntil);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    synchronized boolean circuitOpen() {
        return state == CircuitState.OPEN;
    }

    /** Average latency for ordering: time to first token for streams; NaN when nothing was measured. */
    synchronized double averageMillis(boolean stream) {
        return (stream ? firstToken : latency).averageMillis();
    }

    /** How long until the route is back, for picking the least bad one; zero when it is not cooling. */
    synchronized Duration outFor() {
        Instant now = clock.instant();
        return state == CircuitState.OPEN && now.isBefore(openUntil) ? Duration.between(now, openUntil) : Duration.ZERO;
    }

    synchronized int errors() {
        return errors;
    }

    synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        Instant until = state == CircuitState.OPEN && openUntil.isAfter(rateLimitedUntil) ? openUntil : rateLimitedUntil;
        Duration cooling = now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
        // The seed's "healthy": not taken out by its errors (a half-open route is still on trial).
        boolean healthy = state == CircuitState.CLOSED;
        return new Snapshot(healthy, state, errors, successes, failures,
                LatencyStats.of(latency), LatencyStats.of(firstToken), cooling, Optional.ofNullable(lastFailure));
    }

    synchronized void reset() {
        state = CircuitState.CLOSED;
        errors = 0;
        successes = 0;
        failures = 0;
        openUntil = Instant.MIN;
        rateLimitedUntil = Instant.MIN;
        trialOut = false;
        lastFailure = null;
        latency.clear();
        firstToken.clear();
    }

    private void open() {
        state = CircuitState.OPEN;
        openUntil = clock.instant().plus(settings.cooldown());
    }

    private void close() {
        state = CircuitState.CLOSED;
        errors = 0;
        openUntil = Instant.MIN;
    }

    private static long seconds(Duration left) {
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }

    /** The route's state at one instant, for the status API, health checks and metrics. */
    record Snapshot(boolean healthy, CircuitState state, int errors, long successes, long failures,
            LatencyStats latency, LatencyStats timeToFirstToken, Duration cooldownRemaining,
            Optional<LastFailure> lastFailure) {
    }
}
