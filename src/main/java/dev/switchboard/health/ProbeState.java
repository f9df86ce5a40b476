package dev.switchboard.health;

import java.util.Locale;

/** What the active probes say about a provider. */
public enum ProbeState {
    /** No probe has answered yet, or probes are off for it. */
    NOT_PROBED,
    UP,
    /** Its probes failed the configured number of times in a row: its routes are out until one succeeds. */
    DOWN,
    /** Its probe endpoint does not exist or is forbidden to this key's role (a 404, say): probes tell nothing. */
    UNSUPPORTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
