package dev.switchboard.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.switchboard.provider.ProviderId;
import dev.switchboard.support.ManualClock;

/** When a provider is due for its next probe, on a clock the test moves by hand. */
class ProbeScheduleTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration RECOVERY = Duration.ofSeconds(5);
    private static final ProviderId OPENAI = ProviderId.OPENAI;

    private final ManualClock clock = new ManualClock();
    private final ProbeSchedule schedule = new ProbeSchedule(INTERVAL, RECOVERY, clock);

    /** A provider probed once at the start, with the given outcome; the clock still at the start. */
    private void probedOnce(ProbeOutcome outcome) {
        assertThat(schedule.claim(OPENAI, false)).isTrue();
        schedule.finished(OPENAI, outcome);
    }

    @Test
    void aProviderNeverProbedIsDueAtOnce() {
        assertThat(schedule.claim(OPENAI, false)).isTrue();
    }

    @Test
    void aProviderThatIsUpWaitsTheInterval() {
        probedOnce(ProbeOutcome.UP);

        clock.advance(Duration.ofSeconds(10));
        assertThat(schedule.claim(OPENAI, false)).as("10 s after the last probe").isFalse();
        clock.advance(Duration.ofSeconds(19));
        assertThat(schedule.claim(OPENAI, false)).as("29 s after the last probe").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(schedule.claim(OPENAI, false)).as("30 s after the last probe").isTrue();
    }

    @Test
    void aTickThatFiresALittleEarlyStillProbes() {
        probedOnce(ProbeOutcome.UP);

        clock.advance(INTERVAL.minusMillis(20));
        assertThat(schedule.claim(OPENAI, false)).as("tick drift must not turn a 30 s interval into 31 s").isTrue();
    }

    @Test
    void theIntervalCountsFromTheStartOfTheLastProbe() {
        assertThat(schedule.claim(OPENAI, false)).isTrue();
        clock.advance(Duration.ofSeconds(4));
        schedule.finished(OPENAI, ProbeOutcome.UP);

        clock.advance(Duration.ofSeconds(26));
        assertThat(schedule.claim(OPENAI, false)).as("a slow probe does not stretch the cadence").isTrue();
    }

    @Test
    void aRecoveringProviderIsProbedAtTheRecoveryInterval() {
        probedOnce(ProbeOutcome.UP);

        clock.advance(Duration.ofSeconds(4));
        assertThat(schedule.claim(OPENAI, true)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(schedule.claim(OPENAI, true)).as("5 s while down or with a route out").isTrue();
    }

    @Test
    void aFailedProbeIsConfirmedAtTheRecoveryInterval() {
        probedOnce(ProbeOutcome.FAILED);

        clock.advance(RECOVERY);
        assertThat(schedule.claim(OPENAI, false))
                .as("not down yet, but a failing provider is confirmed within the recovery interval").isTrue();
    }

    @Test
    void anUnsupportedProbeKeepsTheOrdinaryIntervalEvenWhileRecovering() {
        probedOnce(ProbeOutcome.UNSUPPORTED);

        clock.advance(RECOVERY);
        assertThat(schedule.claim(OPENAI, true)).as("asking a missing endpoint more often tells no more").isFalse();
        clock.advance(INTERVAL.minus(RECOVERY));
        assertThat(schedule.claim(OPENAI, true)).isTrue();
    }

    @Test
    void aProbeThatSucceedsAfterFailingReturnsToTheOrdinaryInterval() {
        probedOnce(ProbeOutcome.FAILED);
        clock.advance(RECOVERY);
        assertThat(schedule.claim(OPENAI, false)).isTrue();
        schedule.finished(OPENAI, ProbeOutcome.UP);

        clock.advance(RECOVERY);
        assertThat(schedule.claim(OPENAI, false)).isFalse();
        clock.advance(INTERVAL.minus(RECOVERY));
        assertThat(schedule.claim(OPENAI, false)).isTrue();
    }

    @Test
    void aProviderHasAtMostOneProbeInFlight() {
        assertThat(schedule.claim(OPENAI, false)).isTrue();

        clock.advance(Duration.ofMinutes(5));
        assertThat(schedule.claim(OPENAI, true)).as("the first probe has not finished").isFalse();
        assertThat(schedule.claim(ProviderId.ANTHROPIC, false)).as("other providers are not held up").isTrue();

        schedule.finished(OPENAI, ProbeOutcome.FAILED);
        assertThat(schedule.claim(OPENAI, false)).as("overdue once it has finished").isTrue();
    }

    @Test
    void finishedReportsTheOutcomeBefore() {
        assertThat(schedule.claim(OPENAI, false)).isTrue();
        assertThat(schedule.finished(OPENAI, ProbeOutcome.FAILED)).isEmpty();
        assertThat(schedule.claim(OPENAI, false)).isFalse();
        clock.advance(RECOVERY);
        assertThat(schedule.claim(OPENAI, false)).isTrue();
        assertThat(schedule.finished(OPENAI, ProbeOutcome.UP)).contains(ProbeOutcome.FAILED);
    }

    @Test
    void resetMakesEveryProviderDueButKeepsAProbeInFlight() {
        probedOnce(ProbeOutcome.UP);
        assertThat(schedule.claim(ProviderId.GEMINI, false)).isTrue();

        schedule.reset();

        assertThat(schedule.claim(OPENAI, false)).as("probed a moment ago, due again after a reset").isTrue();
        assertThat(schedule.claim(ProviderId.GEMINI, false)).as("still in flight").isFalse();
    }
}
