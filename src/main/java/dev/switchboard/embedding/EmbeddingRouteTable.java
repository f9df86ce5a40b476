package dev.switchboard.embedding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;

/**
 * The configured embedding routes, and what a request's {@code model} names: a route (then its
 * configured fallbacks, all of its vector space) or {@code provider/model} on a provider with an
 * embeddings API, which has no fallbacks. Never a URL, so a caller cannot make the gateway call an
 * address of its choosing.
 */
@ApplicationScoped
public class EmbeddingRouteTable {

    private final Map<String, EmbeddingRoute> routes;
    private final ProviderInstances instances;

    /** The routes of a configuration, for code that runs without beans. */
    public EmbeddingRouteTable(SwitchboardConfig config) {
        this(config, ProviderInstances.of(config));
    }

    @Inject
    public EmbeddingRouteTable(SwitchboardConfig config, ProviderInstances instances) {
        this.instances = instances;
        this.routes = of(config, instances);
    }

    /**
     * The embedding routes the configuration names, by name, in name order; one on an unknown instance
     * is left out (start-up refuses it, naming its key).
     */
    public static Map<String, EmbeddingRoute> of(SwitchboardConfig config, ProviderInstances instances) {
        Map<String, EmbeddingRoute> routes = new LinkedHashMap<>();
        config.embeddingRoutes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> instances.named(entry.getValue().provider()).ifPresent(instance ->
                        routes.put(entry.getKey(), EmbeddingRoute.of(entry.getKey(), entry.getValue(), instance))));
        return routes;
    }

    /** Whether the instance's API has embeddings. */
    public static boolean embeds(ProviderId instance) {
        return instance.type().hasEmbeddings();
    }

    public Optional<EmbeddingRoute> named(String name) {
        return Optional.ofNullable(routes.get(name));
    }

    public Collection<EmbeddingRoute> all() {
        return routes.values();
    }

    /** The route the request names, then its fallbacks (start-up validation guarantees every name exists). */
    public List<EmbeddingRoute> resolve(String model) {
        if (model == null || model.isBlank()) {
            throw new InvalidRequestException("model", "model is required: an embedding route name or provider/model");
        }
        EmbeddingRoute named = routes.get(model);
        if (named != null) {
            List<EmbeddingRoute> chain = new ArrayList<>();
            chain.add(named);
            named.fallbacks().stream().map(routes::get).filter(route -> !chain.contains(route)).forEach(chain::add);
            return List.copyOf(chain);
        }
        if (model.contains("://") || model.startsWith("//")) {
            throw new InvalidRequestException(400, "model", "model: URLs are not allowed; name an embedding route or provider/model",
                    "model_not_found");
        }
        int slash = model.indexOf('/');
        if (slash < 0) {
            throw new InvalidRequestException(404, "model", "model '" + model + "' is not a configured embedding route. Use one of "
                    + (routes.isEmpty() ? "(none configured)" : String.join(", ", routes.keySet()))
                    + ", or provider/model with a provider among " + String.join(", ", providers()), "model_not_found");
        }
        String providerName = model.substring(0, slash);
        String upstreamModel = model.substring(slash + 1);
        ProviderId provider = instances.named(providerName)
                .filter(EmbeddingRouteTable::embeds)
                .orElseThrow(() -> new InvalidRequestException(404, "model", "model: no embeddings on provider '" + providerName
                        + "' in '" + model + "'; providers with embeddings: " + String.join(", ", providers()),
                        "model_not_found"));
        if (upstreamModel.isBlank()) {
            throw new InvalidRequestException(404, "model", "model: '" + model + "' names no model after the provider",
                    "model_not_found");
        }
        return List.of(EmbeddingRoute.adHoc(provider, upstreamModel));
    }

    private List<String> providers() {
        return instances.enabled().stream().filter(EmbeddingRouteTable::embeds).map(ProviderId::name).toList();
    }
}
