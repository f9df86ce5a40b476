package dev.switchboard.cost;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A request refused because a daily budget is spent; the API answers 429 {@code budget_exceeded} with
 * Retry-After to {@link #resetsAt()}. The message names the budget and its config key, never a gateway key.
 */
public class BudgetExceeded extends RuntimeException {

    private final Instant resetsAt;
    private final Instant now;

    BudgetExceeded(String which, String key, BigDecimal limit, Instant resetsAt, Instant now) {
        super("The " + which + " of " + Pricing.plain(limit) + " USD (" + key + ") is spent for today; it resets at "
                + resetsAt + " (midnight UTC).", null, false, false);
        this.resetsAt = resetsAt;
        this.now = now;
    }

    public Instant resetsAt() {
        return resetsAt;
    }

    /** Whole seconds until the budget resets, rounded up: the Retry-After. */
    public long retryAfterSeconds() {
        return Math.max(1, (Duration.between(now, resetsAt).toMillis() + 999) / 1000);
    }
}
