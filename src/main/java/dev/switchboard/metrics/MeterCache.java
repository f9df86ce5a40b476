package dev.switchboard.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Meters already registered, by what tells them apart, so that the request path looks a meter up
 * instead of building its name and tags and asking the registry every time (a builder, a tag list
 * and a registry lookup per call were a few percent of the gateway's CPU under load). Bounded:
 * past {@link #MAX} keys, meters are still registered and recorded, just not kept here, so tag
 * values a provider chooses cannot grow it without end.
 */
final class MeterCache<K, M> {

    static final int MAX = 2_000;

    private final Map<K, M> meters = new ConcurrentHashMap<>();

    M get(K key, Function<K, M> register) {
        M meter = meters.get(key);
        if (meter == null) {
            meter = register.apply(key);
            if (meters.size() < MAX) {
                meters.putIfAbsent(key, meter);
            }
        }
        return meter;
    }

    int size() {
        return meters.size();
    }
}
