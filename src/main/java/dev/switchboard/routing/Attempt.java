package dev.switchboard.routing;

import dev.switchboard.provider.FailureKind;
import dev.switchboard.provider.ProviderId;

/**
 * What happened on one route during one request.
 *
 * @param called  whether an upstream call was made (a skipped route or an open breaker makes none)
 * @param failure the failure kind (for a skipped route, the reason it was skipped), or null on success
 * @param status  the upstream HTTP status, 0 when none
 * @param detail  why it failed or was skipped, secrets removed
 */
public record Attempt(String route, ProviderId provider, String model, boolean called, FailureKind failure,
        int status, String detail, long latencyMs) {

    public boolean succeeded() {
        return called && failure == null;
    }

    public static Attempt skipped(Route route, FailureKind why, String detail) {
        return new Attempt(route.name(), route.provider(), route.model(), false, why, 0, detail, 0);
    }
}
