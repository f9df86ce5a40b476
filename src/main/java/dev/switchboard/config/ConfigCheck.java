package dev.switchboard.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.switchboard.degraded.StaticMessages;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.routing.Tier;
import dev.switchboard.security.Callers;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with a configuration that cannot route: every problem is reported at once,
 * each naming the key to fix. (Type errors, such as an unknown provider name or a missing model,
 * are already reported by the config mapping itself, also naming the key.) It remembers that the
 * check passed, for the start-up and readiness probes.
 */
@ApplicationScoped
public class ConfigCheck {

    private volatile boolean passed;

    void onStart(@Observes StartupEvent event, SwitchboardConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        passed = true;
    }

    /** Whether start-up validated the configuration (false before, and never true with a bad one). */
    public boolean passed() {
        return passed;
    }

    public static List<String> problems(SwitchboardConfig config) {
        List<String> problems = new ArrayList<>();
        Set<String> routes = new TreeSet<>(config.routes().keySet());
        Set<String> categories = StaticMessages.catalogue(config.degraded()).keySet();
        ProviderInstances instances = ProviderInstances.of(config);
        problems.addAll(instances.problems());
        if (config.chain().isEmpty()) {
            problems.add("switchboard.chain: must name at least one route");
        }
        checkNames(problems, "switchboard.chain", config.chain(), routes);
        Map<String, String> aliases = new HashMap<>();
        for (Map.Entry<String, SwitchboardConfig.Route> entry : config.routes().entrySet()) {
            String key = "switchboard.routes." + entry.getKey();
            SwitchboardConfig.Route route = entry.getValue();
            for (String alias : route.aliases().orElse(List.of())) {
                String other = aliases.put(alias, entry.getKey());
                if (alias.isBlank() || alias.contains("/")) {
                    problems.add(key + ".aliases: '" + alias + "' must be a non-empty name without '/'");
                } else if (config.routes().containsKey(alias)) {
                    problems.add(key + ".aliases: '" + alias + "' is already the name of a route");
                } else if (other != null && !other.equals(entry.getKey())) {
                    problems.add(key + ".aliases: '" + alias + "' is also an alias of route " + other);
                }
            }
            if (route.model().isBlank()) {
                problems.add(key + ".model: must not be blank");
            }
            List<ProviderId> served = servingInstances(problems, key, entry.getKey(), route, config, instances);
            checkPrice(problems, key + ".input-price", route.inputPrice());
            checkPrice(problems, key + ".output-price", route.outputPrice());
            route.cachedInputPrice().ifPresent(price -> checkPrice(problems, key + ".cached-input-price", price));
            route.cacheWritePrice().ifPresent(price -> checkPrice(problems, key + ".cache-write-price", price));
            route.contextWindow().filter(window -> window <= 0).ifPresent(window ->
                    problems.add(key + ".context-window: must be positive, was " + window));
            route.maxOutputTokens().filter(tokens -> tokens <= 0).ifPresent(tokens ->
                    problems.add(key + ".max-output-tokens: must be positive, was " + tokens));
            checkPositive(problems, key + ".timeout", route.timeout());
            checkPositive(problems, key + ".first-token-timeout", route.firstTokenTimeout());
            checkPositive(problems, key + ".stream-idle-timeout", route.streamIdleTimeout());
            served.stream().filter(i -> route.continuation().orElse(false) && !instances.canContinue(i)).findFirst()
                    .ifPresent(i -> problems.add(key + ".continuation: provider '" + i
                            + "' cannot continue a partial answer (only anthropic and openai-compatible can, unless"
                            + " their instance says continuation=false)"));
            route.category().filter(category -> !categories.contains(category)).ifPresent(category ->
                    problems.add(key + ".category: '" + category + "' is not a degraded-mode category (known: "
                            + String.join(", ", categories) + ")"));
            route.fallbacks().ifPresent(names -> checkNames(problems, key + ".fallbacks", names, routes));
            route.contextFallback().ifPresent(name -> checkNames(problems, key + ".context-fallback", List.of(name), routes));
        }
        checkEmbeddingRoutes(problems, config, routes, instances);
        SwitchboardConfig.Routing routing = config.routing();
        checkPositive(problems, "switchboard.routing.deadline", Optional.of(routing.deadline()));
        checkPositive(problems, "switchboard.routing.first-token-timeout", Optional.of(routing.firstTokenTimeout()));
        checkPositive(problems, "switchboard.routing.stream-idle-timeout", Optional.of(routing.streamIdleTimeout()));
        checkAtLeastOne(problems, "switchboard.routing.max-attempts", routing.maxAttempts());
        if (routes.contains("auto")) {
            problems.add("switchboard.routes.auto: 'auto' is reserved for cost-aware routing; name the route otherwise");
        }
        config.auto().tiers().forEach((tier, route) -> {
            String key = "switchboard.auto.tiers." + tier;
            if (java.util.Arrays.stream(Tier.values()).noneMatch(t -> t.wireName().equals(tier))) {
                problems.add(key + ": unknown tier '" + tier + "' (known: simple, moderate, complex)");
            }
            checkNames(problems, key, List.of(route), routes);
        });
        SwitchboardConfig.Health health = config.health();
        checkAtLeastOne(problems, "switchboard.health.failure-threshold", health.failureThreshold());
        checkAtLeastOne(problems, "switchboard.health.latency-window", health.latencyWindow());
        if (health.errorDecay() < 0) {
            problems.add("switchboard.health.error-decay: must not be negative, was " + health.errorDecay());
        }
        checkPositive(problems, "switchboard.health.cooldown", Optional.of(health.cooldown()));
        SwitchboardConfig.Probes probes = config.probes();
        checkPositive(problems, "switchboard.probes.interval", Optional.of(probes.interval()));
        checkPositive(problems, "switchboard.probes.recovery-interval", Optional.of(probes.recoveryInterval()));
        checkPositive(problems, "switchboard.probes.timeout", Optional.of(probes.timeout()));
        checkAtLeastOne(problems, "switchboard.probes.failure-threshold", probes.failureThreshold());
        SwitchboardConfig.Budgets budgets = config.budgets();
        checkAmount(problems, "switchboard.budgets.per-caller-daily-usd", budgets.perCallerDailyUsd());
        checkAmount(problems, "switchboard.budgets.global-daily-usd", budgets.globalDailyUsd());
        if (budgets.onExceeded() == SwitchboardConfig.OnExceeded.DOWNGRADE
                && config.routes().values().stream().noneMatch(route -> route.tier().isPresent())) {
            problems.add("switchboard.budgets.on-exceeded: 'downgrade' needs routes with a tier"
                    + " (switchboard.routes.<name>.tier) to downgrade to; none is configured");
        }
        checkDegraded(problems, config.degraded(), categories);
        config.auth().adminKey().filter(String::isBlank)
                .ifPresent(blank -> problems.add("switchboard.auth.admin-key: must not be empty when set"));
        config.auth().apiKeys().ifPresent(keys -> {
            if (keys.stream().anyMatch(String::isBlank)) {
                problems.add("switchboard.auth.api-keys: must not contain an empty key");
            }
            checkDistinctCallers(problems, keys);
        });
        return problems;
    }

    /**
     * Embedding routes: each its own vector space (model and dimensions), so a fallback to a route of another
     * model or other dimensions is refused here, naming the key: vectors from two spaces side by side in one
     * index are silently wrong, never an error anyone sees. Names are apart from chat routes' (they share
     * route health, metrics and spend rows, all keyed by name).
     */
    private static void checkEmbeddingRoutes(List<String> problems, SwitchboardConfig config, Set<String> chatRoutes,
            ProviderInstances instances) {
        Map<String, SwitchboardConfig.EmbeddingRoute> all = config.embeddingRoutes();
        Set<String> names = new TreeSet<>(all.keySet());
        for (Map.Entry<String, SwitchboardConfig.EmbeddingRoute> entry : all.entrySet()) {
            String key = "switchboard.embedding-routes." + entry.getKey();
            SwitchboardConfig.EmbeddingRoute route = entry.getValue();
            if (chatRoutes.contains(entry.getKey())) {
                problems.add(key + ": '" + entry.getKey() + "' is also a chat route (switchboard.routes."
                        + entry.getKey() + "); name embedding routes apart");
            }
            if (route.model().isBlank()) {
                problems.add(key + ".model: must not be blank");
            }
            Optional<ProviderId> instance = instanceOf(problems, key, route.provider(), config, instances);
            if (instance.filter(i -> !i.type().hasEmbeddings()).isPresent()) {
                problems.add(key + ".provider: " + instance.get().type() + " has no embeddings API (instance '"
                        + route.provider() + "'; use an openai, gemini or openai-compatible one)");
            }
            if (route.dimensions() <= 0) {
                problems.add(key + ".dimensions: must be positive, was " + route.dimensions());
            }
            checkPrice(problems, key + ".input-price", route.inputPrice());
            checkPositive(problems, key + ".timeout", route.timeout());
            List<String> fallbacks = route.fallbacks().orElse(List.of());
            for (int i = 0; i < fallbacks.size(); i++) {
                String name = fallbacks.get(i);
                SwitchboardConfig.EmbeddingRoute fallback = all.get(name);
                String at = key + ".fallbacks[" + i + "]";
                if (fallback == null) {
                    problems.add(at + ": '" + name + "' is not a configured embedding route (configured: "
                            + String.join(", ", names) + ")");
                } else if (!fallback.model().equals(route.model()) || fallback.dimensions() != route.dimensions()) {
                    problems.add(at + ": '" + name + "' returns " + fallback.model() + " vectors of " + fallback.dimensions()
                            + " dimensions, not " + route.model() + " vectors of " + route.dimensions()
                            + "; a fallback must be the same model with the same dimensions, or the caller's vectors"
                            + " would silently mix two vector spaces");
                }
            }
        }
    }

    private static void checkDegraded(List<String> problems, SwitchboardConfig.Degraded degraded, Set<String> categories) {
        degraded.messages().forEach((category, message) -> {
            if (message.isBlank()) {
                problems.add("switchboard.degraded.messages." + category + ": must not be blank");
            }
        });
        if (!categories.contains(degraded.defaultCategory())) {
            problems.add("switchboard.degraded.default-category: '" + degraded.defaultCategory()
                    + "' is not a category (known: " + String.join(", ", categories) + ")");
        }
        checkAtLeastOne(problems, "switchboard.degraded.cache.max-entries", degraded.cache().maxEntries());
        checkPositive(problems, "switchboard.degraded.cache.ttl", Optional.of(degraded.cache().ttl()));
    }

    /**
     * Callers are told apart by their key's id (spend, budgets, and degraded mode's answers, which must
     * never reach another caller), so two keys may not share one. Ids are 32 bits of a hash: a clash is
     * unlikely, and caught here. The message names the id, never the keys.
     */
    private static void checkDistinctCallers(List<String> problems, List<String> keys) {
        Map<String, String> byId = new HashMap<>();
        keys.stream().filter(key -> !key.isBlank()).distinct().forEach(key -> {
            String id = Callers.idOf(key);
            if (byId.putIfAbsent(id, key) != null) {
                problems.add("switchboard.auth.api-keys: two keys share the caller id " + id
                        + ", so their spend and remembered answers could not be kept apart; replace one of them");
            }
        });
    }

    /**
     * The instances serving a route: its {@code provider}, or each of its {@code deployments}' (one or the
     * other); a problem for each that is unknown or disabled.
     */
    private static List<ProviderId> servingInstances(List<String> problems, String key, String name,
            SwitchboardConfig.Route route, SwitchboardConfig config, ProviderInstances instances) {
        if (name.indexOf(dev.switchboard.routing.Route.DEPLOYMENT_SEPARATOR) >= 0) {
            problems.add(key + ": a route name may not contain '" + dev.switchboard.routing.Route.DEPLOYMENT_SEPARATOR
                    + "' (it separates a balanced route's deployments)");
        }
        if (route.deployments().isEmpty()) {
            if (route.provider().isEmpty()) {
                problems.add(key + ".provider: required (or name the route's deployments)");
                return List.of();
            }
            return instanceOf(problems, key, route.provider().get(), config, instances).stream().toList();
        }
        if (route.provider().isPresent()) {
            problems.add(key + ".provider: a route names either one provider or its deployments, not both");
        }
        List<ProviderId> served = new ArrayList<>();
        route.deployments().forEach((deployment, settings) -> {
            String deploymentKey = key + ".deployments." + deployment;
            if (deployment.isBlank() || deployment.contains("/")
                    || deployment.indexOf(dev.switchboard.routing.Route.DEPLOYMENT_SEPARATOR) >= 0) {
                problems.add(deploymentKey + ": a deployment name must be non-empty and without '/' or '@'");
            }
            if (settings.weight() < 1) {
                problems.add(deploymentKey + ".weight: must be at least 1, was " + settings.weight());
            }
            settings.model().filter(String::isBlank).ifPresent(blank ->
                    problems.add(deploymentKey + ".model: must not be blank"));
            instanceOf(problems, deploymentKey, settings.provider(), config, instances).ifPresent(served::add);
        });
        return served;
    }

    /** The instance a route's {@code provider} names, if it is configured and enabled; a problem otherwise. */
    private static Optional<ProviderId> instanceOf(List<String> problems, String key, String name, SwitchboardConfig config,
            ProviderInstances instances) {
        Optional<ProviderId> known = instances.all().stream().filter(i -> i.name().equals(name)).findFirst();
        if (known.isEmpty()) {
            problems.add(key + ".provider: unknown provider '" + name + "' (configured: "
                    + String.join(", ", instances.all().stream().map(ProviderId::name).toList()) + ")");
        } else if (!instances.enabled(known.get())) {
            problems.add(key + ".provider: provider '" + name + "' is disabled (switchboard.providers." + name
                    + ".enabled=false)");
            return Optional.empty();
        }
        return known;
    }

    private static void checkNames(List<String> problems, String key, List<String> names, Set<String> routes) {
        for (int i = 0; i < names.size(); i++) {
            if (!routes.contains(names.get(i))) {
                problems.add(key + "[" + i + "]: '" + names.get(i) + "' is not a configured route (configured: "
                        + String.join(", ", routes) + ")");
            }
        }
    }

    private static void checkAtLeastOne(List<String> problems, String key, int value) {
        if (value < 1) {
            problems.add(key + ": must be at least 1, was " + value);
        }
    }

    private static void checkPositive(List<String> problems, String key, Optional<Duration> value) {
        value.filter(duration -> duration.isNegative() || duration.isZero())
                .ifPresent(duration -> problems.add(key + ": must be positive, was " + duration));
    }

    private static void checkAmount(List<String> problems, String key, Optional<BigDecimal> usd) {
        usd.filter(amount -> amount.signum() <= 0)
                .ifPresent(amount -> problems.add(key + ": must be a positive amount of USD, was " + amount));
    }

    private static void checkPrice(List<String> problems, String key, BigDecimal price) {
        if (price.signum() < 0) {
            problems.add(key + ": must not be negative, was " + price);
        }
    }

    /** Start-up failure listing every configuration problem. */
    public static class InvalidConfigurationException extends RuntimeException {
        public InvalidConfigurationException(List<String> problems) {
            super("Invalid Switchboard configuration:\n  - " + String.join("\n  - ", problems), null, false, false);
        }
    }
}
