package dev.switchboard.cost;

import java.math.BigDecimal;

/**
 * Running totals for one slice of the spend (a route, a caller, a tier, everything). Mutable and not
 * thread-safe on its own: only the {@link SpendLedger} touches it, under its lock.
 */
final class Tally {

    long requests;
    long calls;
    long inputTokens;
    long outputTokens;
    BigDecimal usd = BigDecimal.ZERO;
    /** What the same calls would have cost on the baseline (strongest) route. */
    BigDecimal baselineUsd = BigDecimal.ZERO;

    void add(boolean newRequest, int input, int output, BigDecimal cost, BigDecimal baseline) {
        if (newRequest) {
            requests++;
        }
        calls++;
        inputTokens += input;
        outputTokens += output;
        usd = usd.add(cost);
        baselineUsd = baselineUsd.add(baseline);
    }
}
