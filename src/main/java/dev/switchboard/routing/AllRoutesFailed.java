package dev.switchboard.routing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** No route answered. The verdict says what the caller is told; the attempts say why. */
public class AllRoutesFailed extends RuntimeException {

    /** What kind of "no" this is, from the caller's point of view. */
    public enum Verdict {
        /** Providers failed: 502. */
        UPSTREAM_FAILED,
        /** Every route was rate limited or cooling down: 429. */
        RATE_LIMITED,
        /** The request's deadline ran out: 504. */
        DEADLINE_EXCEEDED,
        /** The conversation fits no route's context window: 400. */
        CONTEXT_TOO_LONG,
        /** A provider's safety system refused the request: 400. */
        CONTENT_FILTERED,
        /** No route in the chain can honour a parameter of the request: 400. */
        UNSUPPORTED
    }

    private final Verdict verdict;
    private final List<Attempt> attempts;
    private final Duration retryAfter;
    private final Tier complexity;

    public AllRoutesFailed(Verdict verdict, String message, List<Attempt> attempts, Duration retryAfter) {
        this(verdict, message, attempts, retryAfter, null);
    }

    private AllRoutesFailed(Verdict verdict, String message, List<Attempt> attempts, Duration retryAfter, Tier complexity) {
        super(message, null, false, false);
        this.verdict = verdict;
        this.attempts = List.copyOf(attempts);
        this.retryAfter = retryAfter;
        this.complexity = complexity;
    }

    /** The same failure of a {@code model: "auto"} request, with the tier it was classified as. */
    public AllRoutesFailed classifiedAs(Tier tier) {
        return new AllRoutesFailed(verdict, getMessage(), attempts, retryAfter, tier);
    }

    public Optional<Tier> complexity() {
        return Optional.ofNullable(complexity);
    }

    public Verdict verdict() {
        return verdict;
    }

    public List<Attempt> attempts() {
        return attempts;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public long upstreamCalls() {
        return attempts.stream().filter(Attempt::called).count();
    }
}
