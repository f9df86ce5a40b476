package dev.switchboard.health;

import java.time.Instant;

import dev.switchboard.provider.FailureKind;

/** The most recent failure on a route: its kind, upstream status (0 when none), when, and why (secrets removed). */
public record LastFailure(FailureKind kind, int status, Instant at, String detail) {
}
