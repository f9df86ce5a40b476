package dev.switchboard.health;

/** A latency window summarised: how many samples, their average and p95, in milliseconds (NaN with none). */
public record LatencyStats(int samples, double averageMillis, double p95Millis) {

    static LatencyStats of(LatencyWindow window) {
        return new LatencyStats(window.samples(), window.averageMillis(), window.p95Millis());
    }
}
