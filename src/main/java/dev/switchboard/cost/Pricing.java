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
 * Anthropic's cache writes are charged at the input price (Anthropic bills them at 1.25 times it).
 */
public final class Pricing {

    private static final int PER_MILLION = 6;

    private Pricing() {
    }

    /** The cost in USD of a call on this route billed for this usage. */
    public static BigDecimal cost(Route route, Usage usage) {
        return cost(route.inputPrice(), route.cachedInputPrice().orElse(route.inputPrice()), route.outputPrice(), usage);
    }

    static BigDecimal cost(BigDecimal inputPrice, BigDecimal outputPrice, Usage usage) {
        return cost(inputPrice, inputPrice, outputPrice, usage);
    }

    static BigDecimal cost(BigDecimal inputPrice, BigDecimal cachedInputPrice, BigDecimal outputPrice, Usage usage) {
        // Usage never holds more cached than prompt tokens, so the uncached part is never negative.
        int cached = usage.cachedPromptTokens();
        return perMillion(usage.promptTokens() - cached, inputPrice)
                .add(perMillion(cached, cachedInputPrice))
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
