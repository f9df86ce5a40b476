package dev.switchboard.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.switchboard.routing.Plan;
import dev.switchboard.support.ManualClock;
import dev.switchboard.support.TestConfig;

/** Daily budgets: spent per caller and in total, checked before a request, forgiven at midnight UTC. */
class BudgetsTest {

    private final ManualClock clock = new ManualClock();

    private Budgets budgets(String... overrides) {
        return new Budgets(TestConfig.load(TestConfig.seed(overrides)).budgets(), clock);
    }

    @Test
    void noBudgetsConfiguredMeansNothingIsEverExceeded() {
        Budgets none = budgets();
        none.spent("key-a", new BigDecimal("1000000"));

        assertThat(none.exceeded("key-a")).isEmpty();
    }

    @Test
    void aCallersBudgetIsTheirsAlone() {
        Budgets daily = budgets("switchboard.budgets.per-caller-daily-usd", "0.50");
        daily.spent("key-a", new BigDecimal("0.30"));
        assertThat(daily.exceeded("key-a")).isEmpty();

        daily.spent("key-a", new BigDecimal("0.20"));

        assertThat(daily.exceeded("key-a")).get().extracting(Throwable::getMessage).asString()
                .contains("daily budget of caller key-a").contains("0.5 USD")
                .contains("switchboard.budgets.per-caller-daily-usd").contains("2026-01-02T00:00:00Z");
        assertThat(daily.exceeded("key-b")).isEmpty();
    }

    @Test
    void theGlobalBudgetCountsEveryCaller() {
        Budgets daily = budgets("switchboard.budgets.global-daily-usd", "1");
        daily.spent("key-a", new BigDecimal("0.6"));
        daily.spent("key-b", new BigDecimal("0.4"));

        assertThat(daily.exceeded("key-c")).get().extracting(Throwable::getMessage).asString()
                .contains("global daily budget").contains("switchboard.budgets.global-daily-usd");
    }

    @Test
    void retryAfterRunsToTheNextMidnightUtc() {
        Budgets daily = budgets("switchboard.budgets.global-daily-usd", "1");
        clock.advance(Duration.ofHours(22).plusMinutes(30));
        daily.spent("key-a", BigDecimal.ONE);

        BudgetExceeded spent = daily.exceeded("key-a").orElseThrow();

        assertThat(spent.resetsAt()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(spent.retryAfterSeconds()).isEqualTo(90 * 60);
    }

    @Test
    void midnightUtcForgivesTheDay() {
        Budgets daily = budgets("switchboard.budgets.per-caller-daily-usd", "1");
        daily.spent("key-a", new BigDecimal("2"));
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(daily.exceeded("key-a")).isPresent();

        clock.advance(Duration.ofMinutes(1));

        assertThat(daily.exceeded("key-a")).isEmpty();
    }

    @Test
    void rejectRefusesBeforeAnyRoutingHappens() {
        Budgets daily = budgets("switchboard.budgets.per-caller-daily-usd", "1");
        daily.spent("key-a", BigDecimal.ONE);
        Plan plan = new Plan(List.of(), Optional.empty());

        assertThatThrownBy(() -> daily.admit("key-a", plan, null, null)).isInstanceOf(BudgetExceeded.class);
        assertThat(daily.admit("key-b", plan, null, null)).isSameAs(plan);
    }

    @Test
    void downgradeLeavesARequestNamingARouteAloneUnlessAskedTo() {
        Budgets daily = budgets("switchboard.budgets.per-caller-daily-usd", "1",
                "switchboard.budgets.on-exceeded", "downgrade");
        daily.spent("key-a", BigDecimal.ONE);
        Plan named = new Plan(List.of(), Optional.empty());

        assertThat(daily.admit("key-a", named, null, null)).isSameAs(named);
    }
}
