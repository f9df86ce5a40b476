package dev.switchboard.embedding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.routing.Route;

/**
 * A named way to get embeddings: a provider, its model, the vector size it returns and its price.
 * {@link #route()} is the same route as the health, spend and metrics code knows routes (input price
 * only: embeddings have no output tokens), so an embedding route has circuits, cooldowns and spend
 * rows like a chat route.
 *
 * @param dimensions        the length of every vector; 0 for an ad-hoc route, whose size is the provider's
 * @param fallbacks         the routes tried after this one, each of the same model and dimensions (start-up checks it)
 * @param requestDimensions whether {@code dimensions} is sent upstream
 */
public record EmbeddingRoute(Route route, int dimensions, List<String> fallbacks, boolean requestDimensions) {

    public static final int UNKNOWN_DIMENSIONS = 0;

    public EmbeddingRoute {
        fallbacks = List.copyOf(fallbacks);
    }

    static EmbeddingRoute of(String name, SwitchboardConfig.EmbeddingRoute config, ProviderId instance) {
        Route route = new Route(name, instance, config.model(), config.inputPrice(), BigDecimal.ZERO,
                Optional.empty(), Route.UNKNOWN_CONTEXT, Optional.empty(), config.timeout(), config.fallbacks(),
                Optional.empty(), Optional.empty());
        return new EmbeddingRoute(route, config.dimensions(), config.fallbacks().orElse(List.of()),
                config.requestDimensions().orElse(instance.type() != ProviderType.OPENAI_COMPATIBLE));
    }

    /** {@code provider/model} from a request: no price, no fallbacks, the provider's own vector size. */
    static EmbeddingRoute adHoc(ProviderId provider, String model) {
        return new EmbeddingRoute(Route.adHoc(provider, model), UNKNOWN_DIMENSIONS, List.of(), false);
    }

    public String name() {
        return route.name();
    }

    public ProviderId provider() {
        return route.provider();
    }

    public String model() {
        return route.model();
    }

    /**
     * The vector size to ask the provider for, if any: the route's own when it sends it, else what the
     * caller asked of an ad-hoc route (a configured route's size was already checked against the request).
     */
    public Optional<Integer> upstreamDimensions(EmbeddingRequest request) {
        if (dimensions != UNKNOWN_DIMENSIONS) {
            return requestDimensions ? Optional.of(dimensions) : Optional.empty();
        }
        return request.dimensions();
    }

    /** The vector size every answer must have, if known. */
    public Optional<Integer> expectedDimensions(EmbeddingRequest request) {
        return dimensions != UNKNOWN_DIMENSIONS ? Optional.of(dimensions) : request.dimensions();
    }
}
