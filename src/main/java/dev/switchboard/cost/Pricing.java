package dev.switchboard.cost;

import java.math.BigDecimal;

import dev.switchboard.chat.Usage;
import dev.switchboard.routing.Route;

/**
 * What one billed upstream call cost: input tokens at the route's input price plus output tokens at
 * its output price, both quoted in USD per million tokens. Exact decimal arithmetic throughout
 * (dividing by a million only moves the decimal point), so sums of many small calls never drift the
 * way floating point would.
 *
 * <p>Input tokens read from the provider's prompt cache (OpenAI's {@code prompt_tokens_details.cached_tokens},
 * Anthropic's {@code cache_read_input_tokens}, Gemini's {@code cachedContentTokenCount}) are priced at
 * the route's {@code cached-input-price}; a route without one charges them at the full input price.
 * Anthropic's cache writes ({@code cache_creation_input_tokens}) are priced at the route's
 * {@code cache-write-price} (Anthropic's is 1.25 times the input price for the 5-minute cache); a route
 * without one charges them at the input price. Reasoning tokens are output tokens, priced as such.
 */
public final class Pricing {

    private static final int PER_MILLION = 6;

    private Pricing() {
    }

    /** The cost in USD of a call on this route billed for this usage. */
    public static BigDecimal cost(Route route, Usage usage) {
        return cost(route.inputPrice(), route.cachedInputPrice().orElse(route.inputPrice()),
                route.cacheWritePrice().orElse(route.inputPrice()), route.outputPrice(), usage);
    }

    static BigDecimal cost(BigDecimal inputPrice, BigDecimal outputPrice, Usage usage) {
        return cost(inputPrice, inputPrice, inputPrice, outputPrice, usage);
    }

    static BigDecimal cost(BigDecimal inputPrice, BigDecimal cachedInputPrice, BigDecimal outputPrice, Usage usage) {
        return cost(inputPrice, cachedInputPrice, inputPrice, outputPrice, usage);
    }

    static BigDecimal cost(BigDecimal inputPrice, BigDecimal cachedInputPrice, BigDecimal cacheWritePrice,
            BigDecimal outputPrice, Usage usage) {
        // Usage never holds more cached and written tokens than prompt tokens, so the plain part is never negative.
        int cached = usage.cachedPromptTokens();
        int written = usage.cacheWriteTokens();
        return perMillion(usage.promptTokens() - cached - written, inputPrice)
                .add(perMillion(cached, cachedInputPrice))
                .add(perMillion(written, cacheWritePrice))
                .add(perMillion(usage.completionTokens(), outputPrice));
    }

    private static BigDecimal perMillion(int tokens, BigDecimal pricePerMillion) {
        return pricePerMillion.multiply(BigDecimal.valueOf(tokens)).movePointLeft(PER_MILLION);
    }

    /** A plain decimal without trailing zeros or exponent, e.g. {@code 0.0001475}: for headers and JSON. */
    public static String plain(BigDecimal usd) {
        return usd.signum() == 0 ? "0" : usd.stripTrailingZeros().toPlainString();
    }
}
