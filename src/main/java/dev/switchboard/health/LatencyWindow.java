package dev.switchboard.health;

import java.time.Duration;
import java.util.Arrays;

/**
 * The most recent latencies of one route (the seed keeps 100), with their average and p95.
 * Not thread-safe: its {@link RouteHealth} guards it.
 */
final class LatencyWindow {

    private final long[] micros;
    private int next;
    private int size;
    private long sum;
    private double recent = Double.NaN;

    LatencyWindow(int capacity) {
        this.micros = new long[capacity];
    }

    void add(Duration latency) {
        long value = Math.max(0, latency.toNanos() / 1_000);
        if (size == micros.length) {
            sum -= micros[next];
        } else {
            size++;
        }
        micros[next] = value;
        sum += value;
        recent = Double.isNaN(recent) ? value : RECENT_WEIGHT * value + (1 - RECENT_WEIGHT) * recent;
        next = (next + 1) % micros.length;
    }

    /** How much the newest latency counts in {@link #recentMillis}: a change shows within a few calls. */
    static final double RECENT_WEIGHT = 0.3;

    /** The exponentially weighted average of the latencies, newest weighing most, in ms; NaN with none. */
    double recentMillis() {
        return recent / 1_000.0;
    }

    int samples() {
        return size;
    }

    /** The average in milliseconds, or NaN with no samples yet. */
    double averageMillis() {
        return size == 0 ? Double.NaN : sum / (double) size / 1_000.0;
    }

    /** The 95th percentile (nearest rank) in milliseconds, or NaN with no samples yet. */
    double p95Millis() {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.95 * size);
        return sorted[rank - 1] / 1_000.0;
    }

    void clear() {
        next = 0;
        size = 0;
        sum = 0;
        recent = Double.NaN;
    }
}
