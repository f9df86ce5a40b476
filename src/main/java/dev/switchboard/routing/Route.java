package dev.switchboard.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.config.SwitchboardConfig.CacheBreakpoint;
import dev.switchboard.provider.ProviderId;

/**
 * A named way to get an answer: a provider, its upstream model, its price and its limits.
 * Prices are USD per million tokens; {@code cachedInputPrice} is the discounted price of input
 * tokens the provider served from its prompt cache, where it has one.
 * Ad-hoc routes ({@code provider/model} in a request) have no price or tier: they cost nothing here.
 *
 * @param vision          whether the model takes images; ad-hoc routes are assumed to
 * @param cacheWritePrice USD per million input tokens written to the prompt cache, where it costs extra
 * @param autoCache       where the route sets prompt-cache breakpoints by itself (Anthropic)
 * @param tools           whether the model takes tool definitions (its provider instance's {@code tools})
 */
public record Route(
        String name,
        ProviderId provider,
        String model,
        BigDecimal inputPrice,
        BigDecimal outputPrice,
        Optional<BigDecimal> cachedInputPrice,
        int contextWindow,
        Optional<Tier> tier,
        Optional<Duration> timeout,
        Optional<List<String>> fallbacks,
        Optional<String> contextFallback,
        Optional<Integer> maxOutputTokens,
        boolean vision,
        Optional<BigDecimal> cacheWritePrice,
        Set<CacheBreakpoint> autoCache,
        boolean tools) {

    public Route {
        autoCache = Set.copyOf(autoCache);
    }

    /** A route whose model takes tools. */
    public Route(String name, ProviderId provider, String model, BigDecimal inputPrice, BigDecimal outputPrice,
            Optional<BigDecimal> cachedInputPrice, int contextWindow, Optional<Tier> tier, Optional<Duration> timeout,
            Optional<List<String>> fallbacks, Optional<String> contextFallback, Optional<Integer> maxOutputTokens,
            boolean vision, Optional<BigDecimal> cacheWritePrice, Set<CacheBreakpoint> autoCache) {
        this(name, provider, model, inputPrice, outputPrice, cachedInputPrice, contextWindow, tier, timeout, fallbacks,
                contextFallback, maxOutputTokens, vision, cacheWritePrice, autoCache, true);
    }

    /** Ad-hoc routes have an unknown context window: never assume one is larger. */
    public static final int UNKNOWN_CONTEXT = 0;

    /** A route whose model takes images. */
    public Route(String name, ProviderId provider, String model, BigDecimal inputPrice, BigDecimal outputPrice,
            Optional<BigDecimal> cachedInputPrice, int contextWindow, Optional<Tier> tier, Optional<Duration> timeout,
            Optional<List<String>> fallbacks, Optional<String> contextFallback, Optional<Integer> maxOutputTokens) {
        this(name, provider, model, inputPrice, outputPrice, cachedInputPrice, contextWindow, tier, timeout, fallbacks,
                contextFallback, maxOutputTokens, true, Optional.empty(), Set.of(), true);
    }

    /** What separates a balanced route's name from its deployment's in the deployment's route name. */
    public static final char DEPLOYMENT_SEPARATOR = '@';

    /**
     * The name the route is configured under: its own, or for one deployment of a balanced route
     * ({@code gpt-4o@eu}) the balanced route's ({@code gpt-4o}), whose settings it shares.
     */
    public String configuredName() {
        int at = name.indexOf(DEPLOYMENT_SEPARATOR);
        return at < 0 || name.indexOf('/') >= 0 ? name : name.substring(0, at);
    }

    /** Why this route cannot serve the request whatever its provider could do, if so. */
    public Optional<String> cannotServe(ChatRequest request) {
        if (!vision && request.hasImages()) {
            return Optional.of("route " + name + " does not take images (vision=false)");
        }
        if (!tools && request.tools().offered()) {
            return Optional.of("route " + name + " does not take tools (switchboard.providers." + provider + ".tools=false)");
        }
        return Optional.empty();
    }

    public static Route adHoc(ProviderId provider, String model) {
        return adHoc(provider, model, true, true);
    }

    /** {@code provider/model} from a request, with what its provider instance's models take. */
    public static Route adHoc(ProviderId provider, String model, boolean vision, boolean tools) {
        return new Route(provider.configName() + "/" + model, provider, model, BigDecimal.ZERO, BigDecimal.ZERO,
                Optional.empty(), UNKNOWN_CONTEXT, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), vision, Optional.empty(), Set.of(), tools);
    }
}
