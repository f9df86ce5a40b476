package dev.switchboard.routing;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.switchboard.config.SwitchboardConfig;

/** The configured routes and the default chain, built once from configuration. */
@ApplicationScoped
public class RouteTable {

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final List<String> chain;
    /** Each alias's route name (start-up validation guarantees no alias is a route's name or another's). */
    private final Map<String, String> aliases = new HashMap<>();

    public RouteTable(SwitchboardConfig config) {
        config.routes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> routes.put(entry.getKey(), toRoute(entry.getKey(), entry.getValue())));
        this.chain = List.copyOf(config.chain());
        config.routes().forEach((name, route) -> route.aliases().orElse(List.of())
                .forEach(alias -> aliases.put(alias, name)));
    }

    private static Route toRoute(String name, SwitchboardConfig.Route config) {
        return new Route(name, config.provider(), config.model(), config.inputPrice(), config.outputPrice(),
                config.cachedInputPrice(), config.contextWindow(), config.tier(), config.timeout(), config.fallbacks(),
                config.contextFallback(), config.maxOutputTokens(), config.vision(), config.cacheWritePrice(),
                Set.copyOf(config.autoCache().orElse(List.of())));
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
