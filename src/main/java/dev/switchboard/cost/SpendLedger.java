package dev.switchboard.cost;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.switchboard.chat.Usage;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.metrics.GatewayMetrics;
import dev.switchboard.routing.RequestContext;
import dev.switchboard.routing.Route;
import dev.switchboard.routing.RouteTable;

/**
 * Spend since start, in memory: every billed upstream call (also counted against the daily
 * {@link Budgets}), by route, by caller, by tier (for
 * {@code model: "auto"} requests) and, for the savings report, by each request's tier against what
 * the same tokens would have cost on the {@link #baseline() baseline route}. A request is counted once,
 * at its first billed call; requests that no route answered cost nothing and are not counted.
 *
 * <p>Called on the request path (often on an event loop), so it only does arithmetic under one short
 * lock: no I/O, no waiting. The slices are bounded: callers by the configured keys, tiers by the
 * enum, routes by the configuration plus at most {@link #MAX_ROUTES} ad-hoc ones (then {@code other}).
 */
@ApplicationScoped
public class SpendLedger {

    static final int MAX_ROUTES = 200;
    static final String OTHER = "other";

    private final GatewayMetrics metrics;
    private final Budgets budgets;
    private final Optional<Route> baseline;
    private final Clock clock;

    private final Map<String, Tally> routes = new TreeMap<>();
    private final Map<String, Tally> callers = new TreeMap<>();
    private final Map<String, Tally> autoTiers = new TreeMap<>();
    private final Map<String, Tally> allTiers = new TreeMap<>();
    private Tally total = new Tally();
    private Instant since;

    @Inject
    public SpendLedger(GatewayMetrics metrics, Budgets budgets, RouteTable routes, SwitchboardConfig config) {
        this(metrics, budgets, Baseline.of(routes, config), Clock.systemUTC());
    }

    SpendLedger(GatewayMetrics metrics, Budgets budgets, Optional<Route> baseline, Clock clock) {
        this.metrics = metrics;
        this.budgets = budgets;
        this.baseline = baseline;
        this.clock = clock;
        this.since = clock.instant();
    }

    /** The route every request is compared with in the savings report, when routes have tiers. */
    public Optional<Route> baseline() {
        return baseline;
    }

    /**
     * One upstream call was billed for this usage at this cost.
     *
     * @param firstOfRequest whether it is the request's first billed call (a continued stream has two)
     */
    public void charged(Route route, Usage usage, BigDecimal cost, RequestContext context, boolean firstOfRequest) {
        BigDecimal counterfactual = baseline.map(strongest -> Pricing.cost(strongest, usage)).orElse(BigDecimal.ZERO);
        charged(route, usage, cost, counterfactual, context, firstOfRequest);
    }

    /**
     * A billed embeddings call: the baseline is a chat route, whose price says nothing about embeddings,
     * and no routing choice could have made it cheaper (every fallback is the same model), so the savings
     * report counts it at what it cost.
     */
    public void chargedEmbeddings(Route route, Usage usage, BigDecimal cost, RequestContext context) {
        charged(route, usage, cost, cost, context, true);
    }

    private void charged(Route route, Usage usage, BigDecimal cost, BigDecimal counterfactual, RequestContext context,
            boolean firstOfRequest) {
        int in = usage.promptTokens();
        int out = usage.completionTokens();
        synchronized (this) {
            String routeName = routes.containsKey(route.name()) || routes.size() < MAX_ROUTES ? route.name() : OTHER;
            routes.computeIfAbsent(routeName, name -> new Tally()).add(firstOfRequest, in, out, cost, counterfactual);
            callers.computeIfAbsent(context.caller(), name -> new Tally()).add(firstOfRequest, in, out, cost, counterfactual);
            context.complexity().ifPresent(tier -> autoTiers.computeIfAbsent(tier.wireName(), name -> new Tally())
                    .add(firstOfRequest, in, out, cost, counterfactual));
            allTiers.computeIfAbsent(context.tierOf(route), name -> new Tally())
                    .add(firstOfRequest, in, out, cost, counterfactual);
            total.add(firstOfRequest, in, out, cost, counterfactual);
        }
        metrics.spend(route, context.caller(), cost);
        budgets.spent(context.caller(), cost);
    }

    /** Spend since start (or the last reset), for {@code GET /admin/spend}. */
    public synchronized SpendReport spend() {
        return new SpendReport(SpendReport.USD, since.toString(), SpendReport.Totals.of(total),
                rows(routes, SpendReport.RouteSpend::of),
                rows(callers, SpendReport.CallerSpend::of),
                rows(autoTiers, SpendReport.TierSpend::of));
    }

    /** Actual spend against always using the baseline route, for {@code GET /admin/savings}. */
    public synchronized SavingsReport savings() {
        return SavingsReport.of(since, baseline.map(Route::name), total, allTiers);
    }

    /** Forget all spend, as after a restart. */
    public synchronized void reset() {
        routes.clear();
        callers.clear();
        autoTiers.clear();
        allTiers.clear();
        total = new Tally();
        since = clock.instant();
    }

    private static <T> List<T> rows(Map<String, Tally> slices, java.util.function.BiFunction<String, Tally, T> view) {
        return slices.entrySet().stream().map(entry -> view.apply(entry.getKey(), entry.getValue())).toList();
    }

    /** Which route stands for "always the best model". */
    static final class Baseline {

        private Baseline() {
        }

        /**
         * The route configured for the complex tier ({@code switchboard.auto.tiers.complex}), else the most
         * expensive route that has a tier: what a gateway without cost-aware routing would send everything to.
         */
        static Optional<Route> of(RouteTable routes, SwitchboardConfig config) {
            Optional<Route> configured = Optional.ofNullable(config.auto().tiers().get("complex")).flatMap(routes::named);
            return configured.or(() -> routes.all().stream().filter(route -> route.tier().isPresent())
                    .max(Comparator.comparing((Function<Route, BigDecimal>) Baseline::blended)
                            .thenComparing(Route::name, Comparator.reverseOrder())));
        }

        private static BigDecimal blended(Route route) {
            return route.inputPrice().add(route.outputPrice());
        }
    }
}
