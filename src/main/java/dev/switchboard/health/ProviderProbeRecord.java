package dev.switchboard.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One provider's probe results. Thread-safe. */
final class ProviderProbeRecord {

    private final Clock clock;
    private ProbeState state = ProbeState.NOT_PROBED;
    private int consecutiveFailures;
    private Instant lastProbeAt;
    private Duration lastLatency;
    private String lastFailure;

    ProviderProbeRecord(Clock clock) {
        this.clock = clock;
    }

    /** @return whether the probe before this one had failed: this success is news of a recovery */
    synchronized boolean succeeded(Duration took) {
        boolean recovered = consecutiveFailures > 0 || state == ProbeState.DOWN;
        state = ProbeState.UP;
        consecutiveFailures = 0;
        lastProbeAt = clock.instant();
        lastLatency = took;
        return recovered;
    }

    /** @return whether this failure marked the provider down */
    synchronized boolean failed(String detail, int threshold) {
        consecutiveFailures++;
        lastProbeAt = clock.instant();
        lastLatency = null;
        lastFailure = detail;
        if (state != ProbeState.DOWN && consecutiveFailures >= threshold) {
            state = ProbeState.DOWN;
            return true;
        }
        return false;
    }

    synchronized void unsupported(String detail) {
        state = ProbeState.UNSUPPORTED;
        consecutiveFailures = 0;
        lastProbeAt = clock.instant();
        lastFailure = detail;
    }

    synchronized boolean down() {
        return state == ProbeState.DOWN;
    }

    synchronized ProbeStatus status() {
        return new ProbeStatus(state, Optional.ofNullable(lastProbeAt), Optional.ofNullable(lastLatency),
                consecutiveFailures, Optional.ofNullable(lastFailure));
    }

    synchronized void reset() {
        state = ProbeState.NOT_PROBED;
        consecutiveFailures = 0;
        lastProbeAt = null;
        lastLatency = null;
        lastFailure = null;
    }
}
