package dev.switchboard.cost;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code GET /admin/spend}: USD spent since start, in total, per route, per caller and per
 * tier of {@code model: "auto"} requests. Amounts are plain decimal strings ({@code "0.0001475"}) so no
 * client parses them into floating point and loses cents over many requests. Callers appear only by
 * their non-secret id ({@code key-xxxxxxxx} or {@code anonymous}), never by key.
 *
 * @param since when counting began (start-up), ISO-8601 UTC
 */
@JsonPropertyOrder({ "currency", "since", "total", "routes", "callers", "tiers" })
@RegisterForReflection
public record SpendReport(String currency, String since, Totals total, List<RouteSpend> routes, List<CallerSpend> callers,
        List<TierSpend> tiers) {

    /** Prices are configured in USD, so every amount here is USD. */
    public static final String USD = "USD";

    /** @param requests requests with at least one billed call; {@code calls} counts those calls */
    @JsonPropertyOrder({ "requests", "calls", "input_tokens", "output_tokens", "usd" })
    public record Totals(long requests, long calls, @JsonProperty("input_tokens") long inputTokens,
            @JsonProperty("output_tokens") long outputTokens, String usd) {

        static Totals of(Tally tally) {
            return new Totals(tally.requests, tally.calls, tally.inputTokens, tally.outputTokens, Pricing.plain(tally.usd));
        }
    }

    /** One route: its billed calls (a continued stream bills each route it ran on). */
    @JsonPropertyOrder({ "route", "calls", "input_tokens", "output_tokens", "usd" })
    public record RouteSpend(String route, long calls, @JsonProperty("input_tokens") long inputTokens,
            @JsonProperty("output_tokens") long outputTokens, String usd) {

        static RouteSpend of(String route, Tally tally) {
            return new RouteSpend(route, tally.calls, tally.inputTokens, tally.outputTokens, Pricing.plain(tally.usd));
        }
    }

    @JsonPropertyOrder({ "caller", "requests", "calls", "usd" })
    public record CallerSpend(String caller, long requests, long calls, String usd) {

        static CallerSpend of(String caller, Tally tally) {
            return new CallerSpend(caller, tally.requests, tally.calls, Pricing.plain(tally.usd));
        }
    }

    /** The {@code model: "auto"} requests classified as one tier. */
    @JsonPropertyOrder({ "tier", "requests", "calls", "usd" })
    public record TierSpend(String tier, long requests, long calls, String usd) {

        static TierSpend of(String tier, Tally tally) {
            return new TierSpend(tier, tally.requests, tally.calls, Pricing.plain(tally.usd));
        }
    }
}
