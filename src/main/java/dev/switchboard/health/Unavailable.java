package dev.switchboard.health;

import dev.switchboard.provider.FailureKind;

/**
 * Why a route is not taking requests now.
 *
 * @param kind       reported as the skipped attempt's failure kind
 * @param reason     for the caller's error and the status API
 * @param lastResort whether the route may still be tried when nothing in the chain is available:
 *                   true when it is out on the gateway's own judgement (errors, a failing probe),
 *                   false when trying would break a rule (a provider's Retry-After, a rejected key,
 *                   a trial already in flight) or cannot reach the provider (an open client breaker)
 */
public record Unavailable(FailureKind kind, String reason, boolean lastResort) {
}
