package dev.switchboard.health;

import java.util.Locale;

/** A route's own circuit: the seed's three states. */
public enum CircuitState {
    /** Serving. */
    CLOSED,
    /** Out after repeated failures, cooling down. */
    OPEN,
    /** Cooled down (or its provider's probe came back): one trial request at a time decides. */
    HALF_OPEN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
