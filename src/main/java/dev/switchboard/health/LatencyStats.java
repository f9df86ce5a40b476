package dev.switchboard.health;

/**
 * A latency window summarised: how many samples, their average and p95, and a recent estimate that
 * follows changes within a few calls (an exponentially weighted average), in milliseconds (NaN with none).
 */
public record LatencyStats(int samples, double averageMillis, double p95Millis, double recentMillis) {

    static LatencyStats of(LatencyWindow window) {
        return new LatencyStats(window.samples(), window.averageMillis(), window.p95Millis(), window.recentMillis());
    }
}
