package dev.switchboard.routing;

import java.util.Locale;

/** Request complexity tiers, cheapest first. */
public enum Tier {
    SIMPLE, MODERATE, COMPLEX;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
