package dev.switchboard.embedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.ProviderId;

/**
 * The configured embedding routes, and what a request's {@code model} names: a route (then its
 * configured fallbacks, all of its vector space) or {@code provider/model} on a provider with an
 * embeddings API, which has no fallbacks. Never a URL, so a caller cannot make the gateway call an
 * address of its choosing.
 */
@ApplicationScoped
public class EmbeddingRouteTable {

    /** The providers with an embeddings API. */
    static final List<ProviderId> PROVIDERS = List.of(ProviderId.OPENAI, ProviderId.GEMINI, ProviderId.OPENAI_COMPATIBLE);

    private final Map<String, EmbeddingRoute> routes;
    private final SwitchboardConfig config;

    public EmbeddingRouteTable(SwitchboardConfig config) {
        this.config = config;
        this.routes = of(config);
    }

    /** The embedding routes the configuration names, by name, in name order. */
    public static Map<String, EmbeddingRoute> of(SwitchboardConfig config) {
        Map<String, EmbeddingRoute> routes = new LinkedHashMap<>();
        config.embeddingRoutes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> routes.put(entry.getKey(), EmbeddingRoute.of(entry.getKey(), entry.getValue())));
        return routes;
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
        ProviderId provider = ProviderId.fromConfigName(providerName)
                .filter(PROVIDERS::contains)
                .filter(p -> config.providers().get(p.configName()).enabled())
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
        return Arrays.stream(ProviderId.values()).filter(PROVIDERS::contains)
                .filter(p -> config.providers().get(p.configName()).enabled())
                .map(ProviderId::configName).toList();
    }
}
