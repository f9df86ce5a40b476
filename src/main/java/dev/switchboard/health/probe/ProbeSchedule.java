package dev.switchboard.health.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.provider.ProviderId;

/**
 * When each provider is due for its next probe, and that it never has two in flight. Pure
 * bookkeeping on a clock, so the timing rules are tested without a scheduler. Thread-safe.
 *
 * <p>A provider is due when its interval has passed since its last probe started (counted from
 * the start, so a slow probe does not stretch the cadence):
 * <ul>
 * <li>{@code recovery-interval} when it is recovering (down, or one of its routes has an open
 * circuit), so its return is noticed soon; and after a failed probe, so a failing provider is
 * confirmed down within {@code failure-threshold - 1} recovery intervals rather than that many
 * ordinary ones;</li>
 * <li>{@code interval} otherwise, and always after an unsupported probe: asking a missing endpoint
 * more often would tell no more.</li>
 * </ul>
 * The scheduler ticks once a second ({@link #TICK}), and its ticks drift by a few milliseconds, so a
 * provider counts as due from half a tick before its interval is over: otherwise a 1 s interval
 * would keep missing its tick and become 2 s.
 */
final class ProbeSchedule {

    /** How often the scheduler looks for due probes: the Quarkus simple scheduler's own resolution. */
    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration SLACK = TICK.dividedBy(2);

    private final Duration interval;
    private final Duration recoveryInterval;
    private final Clock clock;
    private final Map<ProviderId, Slot> slots = new java.util.concurrent.ConcurrentHashMap<>();

    private static final class Slot {
        Instant lastStarted;
        ProbeOutcome lastOutcome;
        boolean inFlight;
    }

    ProbeSchedule(Duration interval, Duration recoveryInterval, Clock clock) {
        this.interval = interval;
        this.recoveryInterval = recoveryInterval;
        this.clock = clock;
    }

    /**
     * Takes the provider's probe if it is due and none is in flight; the caller must then report
     * with {@link #finished}.
     *
     * @param recovering whether the provider is down or has a route out
     *                   ({@link dev.switchboard.health.RouteAvailability#recovering})
     */
    synchronized boolean claim(ProviderId provider, boolean recovering) {
        Slot slot = slots.computeIfAbsent(provider, p -> new Slot());
        if (slot.inFlight) {
            return false;
        }
        Instant now = clock.instant();
        if (slot.lastStarted != null
                && now.isBefore(slot.lastStarted.plus(intervalAfter(slot.lastOutcome, recovering)).minus(SLACK))) {
            return false;
        }
        slot.inFlight = true;
        slot.lastStarted = now;
        return true;
    }

    /** The time to wait after a probe with this outcome. */
    Duration intervalAfter(ProbeOutcome last, boolean recovering) {
        if (last == ProbeOutcome.UNSUPPORTED) {
            return interval;
        }
        return recovering || last == ProbeOutcome.FAILED ? recoveryInterval : interval;
    }

    /** @return the outcome of the provider's probe before this one, if there was one */
    synchronized Optional<ProbeOutcome> finished(ProviderId provider, ProbeOutcome outcome) {
        Slot slot = slots.computeIfAbsent(provider, p -> new Slot());
        ProbeOutcome before = slot.lastOutcome;
        slot.lastOutcome = outcome;
        slot.inFlight = false;
        return Optional.ofNullable(before);
    }

    /**
     * Every provider is due at the next tick, as after a configuration change. A probe in flight
     * stays in flight: a second one must not start beside it.
     */
    synchronized void reset() {
        slots.values().forEach(slot -> {
            slot.lastStarted = null;
            slot.lastOutcome = null;
        });
    }
}
