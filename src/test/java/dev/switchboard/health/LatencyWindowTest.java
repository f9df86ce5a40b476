package dev.switchboard.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LatencyWindowTest {

    @Test
    void reportsNothingBeforeTheFirstSample() {
        LatencyWindow window = new LatencyWindow(100);

        assertThat(window.samples()).isZero();
        assertThat(window.averageMillis()).isNaN();
        assertThat(window.p95Millis()).isNaN();
    }

    @Test
    void averagesAndTakesTheNearestRankP95() {
        LatencyWindow window = new LatencyWindow(100);
        for (int ms = 1; ms <= 100; ms++) {
            window.add(Duration.ofMillis(ms));
        }

        assertThat(window.samples()).isEqualTo(100);
        assertThat(window.averageMillis()).isCloseTo(50.5, within(1e-9));
        assertThat(window.p95Millis()).isEqualTo(95.0);
    }

    @Test
    void keepsOnlyTheMostRecentSamples() {
        LatencyWindow window = new LatencyWindow(3);
        window.add(Duration.ofMillis(1000));
        window.add(Duration.ofMillis(10));
        window.add(Duration.ofMillis(20));
        window.add(Duration.ofMillis(30));

        assertThat(window.samples()).isEqualTo(3);
        assertThat(window.averageMillis()).isCloseTo(20.0, within(1e-9));
        assertThat(window.p95Millis()).isEqualTo(30.0);
    }

    @Test
    void keepsSubMillisecondPrecision() {
        LatencyWindow window = new LatencyWindow(2);
        window.add(Duration.ofNanos(1_500_000));

        assertThat(window.averageMillis()).isCloseTo(1.5, within(1e-9));
    }
}
