package dev.switchboard.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A provider's probe record at one instant. */
public record ProbeStatus(ProbeState state, Optional<Instant> lastProbeAt, Optional<Duration> lastLatency,
        int consecutiveFailures, Optional<String> lastFailure) {
}
