package dev.switchboard.cost;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.config.SwitchboardConfig.OnExceeded;
import dev.switchboard.routing.Plan;
import dev.switchboard.routing.Router;

/**
 * The daily budgets ({@code switchboard.budgets.*}): today's spend per caller and in total, counted
 * after each billed call, and the check every request passes before any provider call. A UTC day's
 * counts start from zero at midnight UTC; they live in memory, so a restart forgives the day's spend
 * (and each replica keeps its own), which suits a guard rail rather than an invoice.
 *
 * <p>On the request path: arithmetic under one short lock, nothing that waits.
 */
@ApplicationScoped
public class Budgets {

    static final String PER_CALLER_KEY = "switchboard.budgets.per-caller-daily-usd";
    static final String GLOBAL_KEY = "switchboard.budgets.global-daily-usd";

    private final SwitchboardConfig.Budgets config;
    private final Clock clock;
    private final Map<String, BigDecimal> callers = new HashMap<>();
    private BigDecimal everyone = BigDecimal.ZERO;
    private LocalDate day;

    @Inject
    public Budgets(SwitchboardConfig config) {
        this(config.budgets(), Clock.systemUTC());
    }

    Budgets(SwitchboardConfig.Budgets config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.day = today();
    }

    /**
     * The plan a request may follow given today's spend: as planned while every budget has some left;
     * once one is spent, refused ({@link BudgetExceeded}) or, with {@code on-exceeded=downgrade}, moved to
     * the cheapest tier's route. A request naming a route is downgraded only with
     * {@code downgrade-named-routes}; otherwise it is served as asked.
     */
    public Plan admit(String caller, Plan plan, List<String> fallbacks, Router router) {
        Optional<BudgetExceeded> spent = exceeded(caller);
        if (spent.isEmpty()) {
            return plan;
        }
        if (config.onExceeded() == OnExceeded.REJECT) {
            throw spent.get();
        }
        if (plan.complexity().isEmpty() && !config.downgradeNamedRoutes()) {
            return plan;
        }
        return router.downgrade(plan, fallbacks).orElseThrow(spent::get);
    }

    /** The budget this caller can no longer spend from today, if any: the global one first. */
    public synchronized Optional<BudgetExceeded> exceeded(String caller) {
        roll();
        Instant now = clock.instant();
        Instant resets = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (config.globalDailyUsd().filter(limit -> everyone.compareTo(limit) >= 0).isPresent()) {
            return Optional.of(new BudgetExceeded("global daily budget", GLOBAL_KEY, config.globalDailyUsd().get(),
                    resets, now));
        }
        BigDecimal own = callers.getOrDefault(caller, BigDecimal.ZERO);
        if (config.perCallerDailyUsd().filter(limit -> own.compareTo(limit) >= 0).isPresent()) {
            return Optional.of(new BudgetExceeded("daily budget of caller " + caller, PER_CALLER_KEY,
                    config.perCallerDailyUsd().get(), resets, now));
        }
        return Optional.empty();
    }

    /** A billed call's cost, counted against today's budgets. */
    public synchronized void spent(String caller, BigDecimal usd) {
        roll();
        callers.merge(caller, usd, BigDecimal::add);
        everyone = everyone.add(usd);
    }

    /** Forget today's spend. */
    public synchronized void reset() {
        callers.clear();
        everyone = BigDecimal.ZERO;
        day = today();
    }

    private void roll() {
        LocalDate today = today();
        if (!today.equals(day)) {
            reset();
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
