package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;

/** The configured routes and the default chain, built once from configuration. */
@ApplicationScoped
public class RouteTable {

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final List<String> chain;
    /** Each alias's route name (start-up validation guarantees no alias is a route's name or another's). */
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, List<Deployment>> deployments = new HashMap<>();
    private final Map<String, SwitchboardConfig.Balance> balance = new HashMap<>();

    /** The routes of a configuration, for code that runs without beans. */
    public RouteTable(SwitchboardConfig config) {
        this(config, ProviderInstances.of(config));
    }

    @Inject
    public RouteTable(SwitchboardConfig config, ProviderInstances instances) {
        // A route on an unknown instance is left out; start-up refuses it (ConfigCheck), naming its key.
        config.routes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> add(entry.getKey(), entry.getValue(), instances));
        this.chain = List.copyOf(config.chain());
        config.routes().forEach((name, route) -> route.aliases().orElse(List.of())
                .forEach(alias -> aliases.put(alias, name)));
    }

    private void add(String name, SwitchboardConfig.Route config, ProviderInstances instances) {
        if (config.deployments().isEmpty()) {
            config.provider().flatMap(instances::named).ifPresent(instance ->
                    routes.put(name, toRoute(name, config, config.model(), instance, instances)));
            return;
        }
        List<Deployment> members = new ArrayList<>();
        config.deployments().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                instances.named(entry.getValue().provider()).filter(instance -> entry.getValue().weight() > 0)
                        .ifPresent(instance -> members.add(new Deployment(toRoute(name + Route.DEPLOYMENT_SEPARATOR
                                + entry.getKey(), config, entry.getValue().model().orElse(config.model()), instance,
                                instances), entry.getValue().weight()))));
        if (members.isEmpty()) {
            return;
        }
        // The balanced route itself, as listings, prices and tiers see it: its first deployment's instance.
        routes.put(name, toRoute(name, config, config.model(), members.get(0).route().provider(), instances));
        deployments.put(name, List.copyOf(members));
        balance.put(name, config.balance());
    }

    /** A configured route; what it leaves unset comes from its provider instance's capabilities. */
    static Route toRoute(String name, SwitchboardConfig.Route config, String model, ProviderId instance,
            ProviderInstances instances) {
        SwitchboardConfig.Provider capabilities = instances.settings(instance);
        return new Route(name, instance, model, config.inputPrice(), config.outputPrice(),
                config.cachedInputPrice(), config.contextWindow().orElse(capabilities.contextWindow()), config.tier(),
                config.timeout(), config.fallbacks(), config.contextFallback(), config.maxOutputTokens(),
                config.vision().orElse(capabilities.vision()), config.cacheWritePrice(),
                Set.copyOf(config.autoCache().orElse(List.of())), capabilities.tools());
    }

    /** The route with this name or alias. */
    public Optional<Route> named(String name) {
        Route route = routes.get(name);
        return route != null ? Optional.of(route) : Optional.ofNullable(aliases.get(name)).map(routes::get);
    }

    /** The configured routes, a balanced one as itself (not its deployments). */
    public Collection<Route> all() {
        return routes.values();
    }

    /** A balanced route's deployments, in name order; empty for a route on one provider instance. */
    public List<Deployment> deployments(Route route) {
        return deployments.getOrDefault(route.name(), List.of());
    }

    /** How a balanced route picks its first deployment. */
    public SwitchboardConfig.Balance balance(Route route) {
        return balance.getOrDefault(route.name(), SwitchboardConfig.Balance.WEIGHTED);
    }

    /** Every route a call can go to: the routes on one instance and every balanced route's deployments. */
    public List<Route> callable() {
        List<Route> callable = new ArrayList<>();
        for (Route route : routes.values()) {
            List<Deployment> members = deployments(route);
            if (members.isEmpty()) {
                callable.add(route);
            } else {
                members.forEach(member -> callable.add(member.route()));
            }
        }
        return callable;
    }

    /** The default chain, in priority order (start-up validation guarantees every name exists). */
    public List<Route> defaultChain() {
        return chain.stream().map(routes::get).toList();
    }
}
