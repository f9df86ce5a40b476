package dev.switchboard.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.switchboard.provider.ProviderId;

/**
 * A named way to get an answer: a provider, its upstream model, its price and its limits.
 * Ad-hoc routes ({@code provider/model} in a request) have no price or tier.
 */
public record Route(
        String name,
        ProviderId provider,
        String model,
        BigDecimal inputPrice,
        BigDecimal outputPrice,
        int contextWindow,
        Optional<Tier> tier,
        Optional<Duration> timeout,
        Optional<List<String>> fallbacks,
        Optional<String> contextFallback,
        Optional<Integer> maxOutputTokens) {

    /** Ad-hoc routes have an unknown context window: never assume one is larger. */
    public static final int UNKNOWN_CONTEXT = 0;

    public static Route adHoc(ProviderId provider, String model) {
        return new Route(provider.configName() + "/" + model, provider, model, BigDecimal.ZERO, BigDecimal.ZERO,
                UNKNOWN_CONTEXT, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
