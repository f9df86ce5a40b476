package dev.switchboard.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.switchboard.chat.Usage;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.routing.Route;

/** A call's cost is exact: tokens times the price per million, in decimal, never floating point. */
class PricingTest {

    private static Route priced(String input, String output) {
        return new Route("r", ProviderId.OPENAI, "m", new BigDecimal(input), new BigDecimal(output), Optional.empty(),
                128_000, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void inputAndOutputTokensAtTheirPricesPerMillion() {
        BigDecimal cost = Pricing.cost(priced("2.50", "10.00"), new Usage(19, 10));

        assertThat(cost).isEqualByComparingTo("0.0001475");
        assertThat(Pricing.plain(cost)).isEqualTo("0.0001475");
    }

    @Test
    void smallPricesStayExact() {
        BigDecimal cost = Pricing.cost(priced("0.15", "0.60"), new Usage(19, 10));

        assertThat(cost).isEqualByComparingTo("0.00000885");
        assertThat(Pricing.plain(cost)).isEqualTo("0.00000885");
    }

    @Test
    void manySmallCallsSumWithoutDrift() {
        Route mini = priced("0.15", "0.60");
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 1_000_000; i++) {
            total = total.add(Pricing.cost(mini, new Usage(1, 1)));
        }

        assertThat(total).isEqualByComparingTo("0.75");
    }

    @Test
    void largeUsageAtAPremiumPrice() {
        assertThat(Pricing.cost(priced("3", "15"), new Usage(1_000_000, 2_000_000))).isEqualByComparingTo("33");
    }

    @Test
    void anUnpricedRouteCostsNothingAndPrintsAsZero() {
        BigDecimal cost = Pricing.cost(priced("0", "0"), new Usage(500, 500));

        assertThat(cost).isEqualByComparingTo("0");
        assertThat(Pricing.plain(cost)).isEqualTo("0");
    }

    @Test
    void plainNeverUsesAnExponent() {
        assertThat(Pricing.plain(new BigDecimal("1E-9"))).isEqualTo("0.000000001");
        assertThat(Pricing.plain(new BigDecimal("12.3400"))).isEqualTo("12.34");
        assertThat(Pricing.plain(new BigDecimal("1E+2"))).isEqualTo("100");
    }

    @Test
    void cachedInputTokensAtTheCachedPrice() {
        Route cachedPrice = new Route("r", ProviderId.OPENAI, "m", new BigDecimal("2.50"), new BigDecimal("10.00"),
                Optional.of(new BigDecimal("1.25")), 128_000, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        // 600 fresh input tokens at $2.50, 400 cached at $1.25, 100 output at $10 per million.
        assertThat(Pricing.cost(cachedPrice, new Usage(1000, 100, 400))).isEqualByComparingTo("0.003");
    }

    @Test
    void cachedInputTokensAtTheFullPriceWhenTheRouteHasNoCachedPrice() {
        assertThat(Pricing.cost(priced("2.50", "10.00"), new Usage(1000, 100, 400))).isEqualByComparingTo("0.0035");
    }

    @Test
    void cacheWritesAtTheCacheWritePriceAndReasoningAsOutput() {
        Route anthropic = new Route("r", ProviderId.ANTHROPIC, "m", new BigDecimal("3"), new BigDecimal("15"),
                Optional.of(new BigDecimal("0.30")), 200_000, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), true, Optional.of(new BigDecimal("3.75")), java.util.Set.of());

        // 1,000 prompt tokens: 200 plain at $3, 300 read from the cache at $0.30, 500 written to it at
        // $3.75; 100 output tokens, 40 of them reasoning, all at $15 per million.
        assertThat(Pricing.cost(anthropic, new Usage(1000, 100, 300, 500, 40))).isEqualByComparingTo("0.004065");
    }

    @Test
    void cacheWritesAtTheInputPriceWhenTheRouteHasNoCacheWritePrice() {
        assertThat(Pricing.cost(priced("3", "15"), new Usage(1000, 0, 0, 500, 0))).isEqualByComparingTo("0.003");
    }
}
