package dev.switchboard.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.switchboard.provider.ProviderFailure;

/**
 * One admitted call on a route. Exactly one outcome counts (later ones are ignored), so a call that
 * is also cancelled cannot report twice or leave a half-open circuit's trial slot taken.
 */
public final class Ticket {

    private final RouteHealth health;
    private final boolean trial;
    private final AtomicBoolean settled = new AtomicBoolean();

    Ticket(RouteHealth health, boolean trial) {
        this.health = health;
        this.trial = trial;
    }

    /** A whole answer arrived, taking this long. */
    public void succeeded(Duration took) {
        if (settled.compareAndSet(false, true)) {
            health.succeeded(trial, took);
        }
    }

    /**
     * A stream's first words arrived: its time to first token is measured now, but the verdict waits
     * for the stream's end (a stream that breaks later is a failure, not a success and a failure).
     */
    public void firstToken(Duration took) {
        if (!settled.get()) {
            health.firstToken(took);
        }
    }

    /** A stream finished properly. */
    public void streamed() {
        if (settled.compareAndSet(false, true)) {
            health.succeeded(trial, null);
        }
    }

    public void failed(ProviderFailure failure, String detail) {
        if (settled.compareAndSet(false, true)) {
            health.failed(trial, failure, detail);
        }
    }

    /** The call ended without telling anything about the route (the caller left). */
    public void released() {
        if (settled.compareAndSet(false, true)) {
            health.released(trial);
        }
    }
}
