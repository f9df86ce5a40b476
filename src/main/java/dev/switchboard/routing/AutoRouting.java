package dev.switchboard.routing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.complexity.ComplexityClassifier;
import dev.switchboard.config.SwitchboardConfig;

/**
 * Cost-aware routing for {@code model: "auto"}: the conversation's complexity picks a tier, the tier
 * picks its route (the configured one, else the cheapest route of that tier), and the route's own
 * chain follows. A fallback never moves the request to a more expensive tier than the one chosen
 * unless {@code switchboard.auto.allow-upgrade} says so: a simple question must not silently be
 * billed at the complex tier's price. Fallbacks the caller names are the caller's choice and kept.
 */
@ApplicationScoped
public class AutoRouting {

    /** The {@code model} value that asks for cost-aware routing. */
    public static final String AUTO = "auto";

    private final ComplexityClassifier classifier;
    private final RouteTable routes;
    private final ChainResolver chains;
    private final SwitchboardConfig.Auto config;

    public AutoRouting(ComplexityClassifier classifier, RouteTable routes, ChainResolver chains, SwitchboardConfig config) {
        this.classifier = classifier;
        this.routes = routes;
        this.chains = chains;
        this.config = config.auto();
    }

    public Plan plan(ChatRequest request, List<String> fallbacks) {
        Tier tier = classifier.classify(request);
        Route first = routeFor(tier).orElseThrow(() -> new InvalidRequestException(400, "model",
                "model 'auto' needs routes with a tier (switchboard.routes.<name>.tier); none is configured",
                "model_not_found"));
        List<Route> chain = chains.resolve(first.name(), fallbacks);
        if (fallbacks == null && !config.allowUpgrade()) {
            chain = chain.stream().filter(route -> route == first || !dearer(route, first)).toList();
        }
        return new Plan(chain, Optional.of(tier));
    }

    /**
     * The plan once a budget is spent: the cheapest tier's route and its chain, with nothing dearer in
     * it, not even fallbacks the caller named (the budget outranks them). Empty when no route has a tier.
     */
    public Optional<Plan> downgrade(Plan plan, List<String> fallbacks) {
        return routeFor(Tier.SIMPLE).map(first -> new Plan(chains.resolve(first.name(), fallbacks).stream()
                .filter(route -> route == first || !dearer(route, first)).toList(), plan.complexity(), true));
    }

    /**
     * The tier's configured route, else its cheapest; with none in that tier, the nearest more capable
     * tier (quality first), else the nearest less capable one.
     */
    Optional<Route> routeFor(Tier tier) {
        Optional<Route> own = ofTier(tier);
        if (own.isPresent()) {
            return own;
        }
        for (int up = tier.ordinal() + 1; up < Tier.values().length; up++) {
            Optional<Route> higher = ofTier(Tier.values()[up]);
            if (higher.isPresent()) {
                return higher;
            }
        }
        for (int down = tier.ordinal() - 1; down >= 0; down--) {
            Optional<Route> lower = ofTier(Tier.values()[down]);
            if (lower.isPresent()) {
                return lower;
            }
        }
        return Optional.empty();
    }

    private Optional<Route> ofTier(Tier tier) {
        return configured(tier).or(() -> cheapestOf(tier));
    }

    private Optional<Route> configured(Tier tier) {
        return Optional.ofNullable(config.tiers().get(tier.wireName())).flatMap(routes::named);
    }

    private Optional<Route> cheapestOf(Tier tier) {
        return routes.all().stream().filter(route -> route.tier().filter(tier::equals).isPresent())
                .min(Comparator.comparing(AutoRouting::blendedPrice).thenComparing(Route::name));
    }

    /** A route of a higher tier, or an untiered one priced above the chosen route, would cost more. */
    private static boolean dearer(Route route, Route chosen) {
        if (route.tier().isPresent() && chosen.tier().isPresent()) {
            return route.tier().get().compareTo(chosen.tier().get()) > 0;
        }
        return blendedPrice(route).compareTo(blendedPrice(chosen)) > 0;
    }

    /** Input plus output price per million tokens: the seed's way to compare routes. */
    static BigDecimal blendedPrice(Route route) {
        return route.inputPrice().add(route.outputPrice());
    }
}
