package dev.switchboard.routing;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.ProviderFailure;

/**
 * Decides, after a failed call, whether to retry the same route, move to the next one, or stop.
 * Pure and deterministic for a given random source: the failure table (rows F1-F6, F12, F13, F17,
 * F18) reads straight off {@link #decide}.
 */
public class FailoverPolicy {

    /** What to do next. */
    public sealed interface Decision {
        record Retry(Duration after) implements Decision {
        }

        record FailOver() implements Decision {
        }

        record Stop() implements Decision {
        }
    }

    private final SwitchboardConfig.Routing config;
    private final DoubleSupplier random;

    public FailoverPolicy(SwitchboardConfig.Routing config) {
        this(config, () -> ThreadLocalRandom.current().nextDouble());
    }

    FailoverPolicy(SwitchboardConfig.Routing config, DoubleSupplier random) {
        this.config = config;
        this.random = random;
    }

    /**
     * @param retries    retries already made on this route for this request
     * @param othersLeft whether another route remains in the chain
     * @param remaining  what is left of the request's deadline
     */
    public Decision decide(ProviderFailure failure, int retries, boolean othersLeft, Duration remaining) {
        boolean mayRetry = retries == 0;
        if (failure instanceof ProviderFailure.RateLimited limited) {
            if (limited.retryAfter().isPresent()) {
                // F1: never sooner than asked. With somewhere else to go, going there is faster.
                Duration wait = limited.retryAfter().get();
                boolean worthWaiting = !othersLeft && mayRetry
                        && wait.compareTo(config.maxRetryAfterWait()) <= 0 && wait.compareTo(remaining) < 0;
                return worthWaiting ? new Decision.Retry(wait) : new Decision.FailOver();
            }
            // F2: one jittered backoff, then move on; never hammer.
            return retryOrFailOver(mayRetry, config.rateLimitBackoff(), remaining);
        }
        if (failure instanceof ProviderFailure.ServerError || failure instanceof ProviderFailure.ConnectionFailed) {
            // F3/F5: transient, so once more after a short jittered pause. F4: then the next route.
            return retryOrFailOver(mayRetry, config.retryBackoff(), remaining);
        }
        if (failure instanceof ProviderFailure.ContentFiltered) {
            // F13: routing around a refusal would defeat the provider's policy unless the operator says so.
            return config.failoverOnContentFilter() ? new Decision.FailOver() : new Decision.Stop();
        }
        // F6 (a silent route is not asked again), F12, F17, F18, rejected requests, open breakers.
        return new Decision.FailOver();
    }

    private Decision retryOrFailOver(boolean mayRetry, Duration base, Duration remaining) {
        Duration pause = jittered(base);
        return mayRetry && pause.compareTo(remaining) < 0 ? new Decision.Retry(pause) : new Decision.FailOver();
    }

    /** Equal jitter: between half the base and the base, so retries spread out but never come early. */
    Duration jittered(Duration base) {
        long half = base.toMillis() / 2;
        return Duration.ofMillis(half + Math.round(half * random.getAsDouble()));
    }
}
