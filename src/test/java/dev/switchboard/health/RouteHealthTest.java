package dev.switchboard.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.health.RouteHealth.Admission;
import dev.switchboard.provider.FailureKind;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.routing.Route;
import dev.switchboard.support.ManualClock;
import dev.switchboard.support.TestConfig;

/** The seed's health figures as defaults: 3 errors open the circuit for 60 s, each success forgives one. */
class RouteHealthTest {

    private final ManualClock clock = new ManualClock();
    private final SwitchboardConfig.Health settings = TestConfig.load(TestConfig.seed()).health();
    private final RouteHealth health = new RouteHealth(Route.adHoc(ProviderId.OPENAI, "gpt-4o"), settings, clock);

    private static ProviderFailure serverError() {
        return new ProviderFailure.ServerError(ProviderId.OPENAI, 500, "boom");
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            health.failed(false, serverError(), "boom");
        }
    }

    @Test
    void seedDefaults() {
        assertThat(settings.failureThreshold()).isEqualTo(3);
        assertThat(settings.cooldown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.errorDecay()).isEqualTo(1);
        assertThat(settings.latencyWindow()).isEqualTo(100);
    }

    @Test
    void opensAfterTheThresholdAndCoolsDown() {
        fail(2);
        assertThat(health.admit()).isEqualTo(Admission.ADMITTED);

        fail(1);

        assertThat(health.circuitOpen()).isTrue();
        assertThat(health.admit()).isEqualTo(Admission.REFUSED);
        assertThat(health.unavailable()).get().extracting(Unavailable::kind).isEqualTo(FailureKind.CIRCUIT_OPEN);
        assertThat(health.unavailable().get().lastResort()).isTrue();
        assertThat(health.snapshot().healthy()).isFalse();
        assertThat(health.snapshot().cooldownRemaining()).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(59));
        assertThat(health.admit()).isEqualTo(Admission.REFUSED);
    }

    @Test
    void eachSuccessForgivesOneError() {
        fail(2);
        health.succeeded(false, Duration.ofMillis(5));
        fail(1);

        assertThat(health.errors()).isEqualTo(2);
        assertThat(health.circuitOpen()).isFalse();
    }

    @Test
    void halfOpenLetsOneTrialThroughAtATime() {
        fail(3);
        clock.advance(Duration.ofSeconds(60));

        assertThat(health.admit()).isEqualTo(Admission.TRIAL);
        assertThat(health.admit()).isEqualTo(Admission.REFUSED);
        assertThat(health.unavailable()).get().extracting(Unavailable::lastResort).isEqualTo(false);
        assertThat(health.snapshot().state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void aSuccessfulTrialClosesTheCircuitAndClearsErrors() {
        fail(3);
        clock.advance(Duration.ofSeconds(60));
        assertThat(health.admit()).isEqualTo(Admission.TRIAL);

        health.succeeded(true, Duration.ofMillis(40));

        assertThat(health.snapshot().state()).isEqualTo(CircuitState.CLOSED);
        assertThat(health.errors()).isZero();
        assertThat(health.admit()).isEqualTo(Admission.ADMITTED);
    }

    @Test
    void aFailedTrialReopensForAnotherCooldown() {
        fail(3);
        clock.advance(Duration.ofSeconds(60));
        assertThat(health.admit()).isEqualTo(Admission.TRIAL);

        health.failed(true, serverError(), "still down");

        assertThat(health.circuitOpen()).isTrue();
        assertThat(health.snapshot().cooldownRemaining()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aTrialThatEndsWithoutAVerdictFreesTheSlot() {
        fail(3);
        clock.advance(Duration.ofSeconds(60));
        assertThat(health.admit()).isEqualTo(Admission.TRIAL);

        health.released(true);

        assertThat(health.admit()).isEqualTo(Admission.TRIAL);
    }

    @Test
    void aRecoveredProviderEndsTheCooldownAtOnce() {
        fail(3);

        health.providerRecovered();

        assertThat(health.admit()).isEqualTo(Admission.TRIAL);
    }

    @Test
    void theRequestsOwnFailuresDoNotCount() {
        for (int i = 0; i < 5; i++) {
            health.failed(false, new ProviderFailure.RequestRejected(ProviderId.OPENAI, 400, "bad"), "bad");
            health.failed(false, new ProviderFailure.ContextTooLong(ProviderId.OPENAI, 400, "long"), "long");
        }

        assertThat(health.errors()).isZero();
        assertThat(health.circuitOpen()).isFalse();
        assertThat(health.snapshot().lastFailure()).get().extracting(LastFailure::kind)
                .isEqualTo(FailureKind.CONTEXT_TOO_LONG);
    }

    @Test
    void retryAfterCoolsTheRouteForExactlyThatLongWithoutCountingAnError() {
        health.failed(false, new ProviderFailure.RateLimited(ProviderId.OPENAI, 429, "slow down", Duration.ofSeconds(7)),
                "slow down");

        assertThat(health.errors()).isZero();
        assertThat(health.unavailable()).get().extracting(Unavailable::kind).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(health.unavailable().get().lastResort()).isFalse();
        clock.advance(Duration.ofSeconds(7));
        assertThat(health.unavailable()).isEmpty();
    }

    @Test
    void aRateLimitWithoutRetryAfterCountsAsLoad() {
        health.failed(false, new ProviderFailure.RateLimited(ProviderId.OPENAI, 429, "busy", null), "busy");

        assertThat(health.errors()).isEqualTo(1);
    }

    @Test
    void keepsWholeAnswerAndFirstTokenLatenciesApart() {
        health.succeeded(false, Duration.ofMillis(800));
        health.firstToken(Duration.ofMillis(100));
        health.succeeded(false, null);
        health.firstToken(Duration.ofMillis(300));
        health.succeeded(false, null);

        assertThat(health.averageMillis(false)).isEqualTo(800.0);
        assertThat(health.averageMillis(true)).isEqualTo(200.0);
        assertThat(health.snapshot().latency().samples()).isEqualTo(1);
        assertThat(health.snapshot().timeToFirstToken().samples()).isEqualTo(2);
        assertThat(health.snapshot().successes()).isEqualTo(3);
    }
}
