package dev.switchboard.routing;

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

    /** The routes of a configuration, for code that runs without beans. */
    public RouteTable(SwitchboardConfig config) {
        this(config, ProviderInstances.of(config));
    }

    @Inject
    public RouteTable(SwitchboardConfig config, ProviderInstances instances) {
        // A route on an unknown instance is left out; start-up refuses it (ConfigCheck), naming its key.
        config.routes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> instances.named(entry.getValue().provider()).ifPresent(instance ->
                        routes.put(entry.getKey(), toRoute(entry.getKey(), entry.getValue(), instance, instances))));
        this.chain = List.copyOf(config.chain());
        config.routes().forEach((name, route) -> route.aliases().orElse(List.of())
                .forEach(alias -> aliases.put(alias, name)));
    }

    /** A configured route; what it leaves unset comes from its provider instance's capabilities. */
    static Route toRoute(String name, SwitchboardConfig.Route config, ProviderId instance, ProviderInstances instances) {
        SwitchboardConfig.Provider capabilities = instances.settings(instance);
        return new Route(name, instance, config.model(), config.inputPrice(), config.outputPrice(),
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

    public Collection<Route> all() {
        return routes.values();
    }

    /** The default chain, in priority order (start-up validation guarantees every name exists). */
    public List<Route> defaultChain() {
        return chain.stream().map(routes::get).toList();
    }
}
