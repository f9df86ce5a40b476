package dev.switchboard.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code GET /admin/savings}: what was actually spent against the counterfactual of sending
 * every request to the baseline route (the strongest: the complex tier's route), the same tokens priced
 * at its prices. The seed's {@code estimate_savings}, but from real usage rather than a flat price per
 * query. Broken down by tier: {@code model: "auto"} requests by their classified tier, others by the
 * tier of the route that served them, or {@code none}. Amounts are plain decimal strings; percentages
 * are rounded to two places and absent while nothing was spent on the baseline's terms.
 *
 * @param baselineRoute null when no route has a tier, and so nothing stands for "the best model"
 */
@JsonPropertyOrder({ "currency", "since", "baseline_route", "requests", "actual_usd", "baseline_usd", "saved_usd",
        "savings_percent", "tiers" })
@RegisterForReflection
public record SavingsReport(String currency, String since, @JsonProperty("baseline_route") String baselineRoute, long requests,
        @JsonProperty("actual_usd") String actualUsd, @JsonProperty("baseline_usd") String baselineUsd,
        @JsonProperty("saved_usd") String savedUsd, @JsonProperty("savings_percent") BigDecimal savingsPercent,
        List<TierSavings> tiers) {

    /** Prices are configured in USD, so every amount here is USD. */
    public static final String USD = "USD";

    @JsonPropertyOrder({ "tier", "requests", "actual_usd", "baseline_usd", "saved_usd", "savings_percent" })
    public record TierSavings(String tier, long requests, @JsonProperty("actual_usd") String actualUsd,
            @JsonProperty("baseline_usd") String baselineUsd, @JsonProperty("saved_usd") String savedUsd,
            @JsonProperty("savings_percent") BigDecimal savingsPercent) {

        static TierSavings of(String tier, Tally tally) {
            return new TierSavings(tier, tally.requests, Pricing.plain(tally.usd), Pricing.plain(tally.baselineUsd),
                    Pricing.plain(tally.baselineUsd.subtract(tally.usd)), percent(tally));
        }
    }

    static SavingsReport of(Instant since, Optional<String> baseline, Tally total, Map<String, Tally> tiers) {
        return new SavingsReport(USD, since.toString(), baseline.orElse(null), total.requests, Pricing.plain(total.usd),
                Pricing.plain(total.baselineUsd), Pricing.plain(total.baselineUsd.subtract(total.usd)), percent(total),
                tiers.entrySet().stream().map(entry -> TierSavings.of(entry.getKey(), entry.getValue())).toList());
    }

    /** Saved as a share of the baseline, in percent to two places; null when the baseline cost nothing. */
    static BigDecimal percent(Tally tally) {
        if (tally.baselineUsd.signum() == 0) {
            return null;
        }
        return tally.baselineUsd.subtract(tally.usd).multiply(BigDecimal.valueOf(100))
                .divide(tally.baselineUsd, 2, RoundingMode.HALF_EVEN);
    }
}
