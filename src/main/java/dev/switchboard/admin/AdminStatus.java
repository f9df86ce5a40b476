package dev.switchboard.admin;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.switchboard.health.LastFailure;
import dev.switchboard.health.LatencyStats;
import dev.switchboard.health.ProbeStatus;
import dev.switchboard.health.ProviderBreakers;
import dev.switchboard.health.ProviderStatus;
import dev.switchboard.health.RouteStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code GET /admin/status}: what the gateway knows about each route and provider now.
 * Field names are snake_case, like the rest of the API; states are the lower-case wire names used in
 * errors and health checks. Free text (reasons, failure details) passes through the secret redactor
 * once more on its way out, although it was redacted when recorded: this body must never carry a key.
 * Each record states its field order, since Jackson would otherwise sort renamed record fields by name.
 */
@JsonPropertyOrder({ "default_chain", "routes", "providers" })
@RegisterForReflection
public record AdminStatus(@JsonProperty("default_chain") List<String> defaultChain, List<RouteView> routes,
        List<ProviderView> providers) {

    /**
     * One route.
     *
     * @param adHoc              a {@code provider/model} a caller named rather than a configured route
     * @param healthy            not taken out by its own errors (its circuit is closed)
     * @param available          a request would be sent to it now
     * @param circuit            the route's own circuit: closed, open or half_open
     * @param breaker            its provider client's circuit breaker
     * @param errorCount         recent errors after decay (each success forgives some)
     * @param cooldownRemaining  whole seconds, rounded up, until its circuit's cooldown or its provider's Retry-After ends
     * @param latency            whole answers; null before the first
     * @param timeToFirstToken   streams; null before the first
     * @param balance            for a balanced route, how it picks a deployment: weighted or latency; else absent
     * @param deployments        for a balanced route, its deployments (each also listed as a route of its own); else absent
     */
    @JsonPropertyOrder({ "name", "provider", "model", "ad_hoc", "healthy", "available", "circuit", "breaker",
            "error_count", "success_count", "failure_count", "latency", "time_to_first_token", "cooldown_remaining_s",
            "unavailable_reason", "last_failure", "balance", "deployments" })
    public record RouteView(String name, String provider, String model, @JsonProperty("ad_hoc") boolean adHoc,
            boolean healthy, boolean available, String circuit, String breaker,
            @JsonProperty("error_count") int errorCount, @JsonProperty("success_count") long successCount,
            @JsonProperty("failure_count") long failureCount, LatencyView latency,
            @JsonProperty("time_to_first_token") LatencyView timeToFirstToken,
            @JsonProperty("cooldown_remaining_s") long cooldownRemaining,
            @JsonProperty("unavailable_reason") String unavailableReason,
            @JsonProperty("last_failure") FailureView lastFailure,
            @JsonInclude(JsonInclude.Include.NON_NULL) String balance,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<DeploymentView> deployments) {

        /** This route as a balanced one, with its deployments. */
        RouteView balanced(String balance, List<DeploymentView> deployments) {
            return new RouteView(name, provider, model, adHoc, healthy, available, circuit, breaker, errorCount,
                    successCount, failureCount, latency, timeToFirstToken, cooldownRemaining, unavailableReason,
                    lastFailure, balance, deployments);
        }

        static RouteView of(RouteStatus route, UnaryOperator<String> redact) {
            return new RouteView(route.route(), route.provider().configName(), route.model(), route.adHoc(),
                    route.healthy(), route.available(), route.circuit().wireName(),
                    ProviderBreakers.wireName(route.breaker()), route.errors(), route.successes(), route.failures(),
                    LatencyView.of(route.latency()), LatencyView.of(route.timeToFirstToken()),
                    secondsRoundedUp(route.cooldownRemaining()), route.unavailableReason().map(redact).orElse(null),
                    route.lastFailure().map(failure -> FailureView.of(failure, redact)).orElse(null), null, null);
        }
    }

    /** One deployment of a balanced route: its route name ({@code <route>@<deployment>}), instance and weight. */
    @JsonPropertyOrder({ "route", "provider", "model", "weight" })
    public record DeploymentView(String route, String provider, String model, int weight) {
    }

    /** A latency window: how many recent samples, their average and 95th percentile in milliseconds. */
    @JsonPropertyOrder({ "samples", "avg_ms", "p95_ms" })
    public record LatencyView(int samples, @JsonProperty("avg_ms") double averageMs, @JsonProperty("p95_ms") double p95Ms) {

        static LatencyView of(LatencyStats stats) {
            return stats.samples() == 0 ? null
                    : new LatencyView(stats.samples(), micros(stats.averageMillis()), micros(stats.p95Millis()));
        }
    }

    /**
     * A route's most recent failure.
     *
     * @param kind   the failure kind, as in an error's {@code attempts[].outcome}
     * @param status the upstream HTTP status; null when there was none (a timeout, a refused connection)
     * @param at     ISO-8601, UTC
     */
    @JsonPropertyOrder({ "kind", "status", "at", "detail" })
    public record FailureView(String kind, Integer status, String at, String detail) {

        static FailureView of(LastFailure failure, UnaryOperator<String> redact) {
            return new FailureView(failure.kind().wireName(), failure.status() == 0 ? null : failure.status(),
                    failure.at().toString(), redact.apply(failure.detail()));
        }
    }

    /**
     * One provider instance.
     *
     * @param type        the API it speaks: openai, anthropic, gemini or openai-compatible
     * @param simulated   answered by the built-in simulator (no key and no URL configured)
     * @param breaker     the instance's own circuit breaker: closed, open or half_open
     * @param keyRejected its key was refused (401/403): its routes are out until a restart with a new key
     */
    @JsonPropertyOrder({ "name", "type", "simulated", "breaker", "key_rejected", "probe" })
    public record ProviderView(String name, String type, boolean simulated, String breaker,
            @JsonProperty("key_rejected") boolean keyRejected, ProbeView probe) {

        static ProviderView of(ProviderStatus provider, boolean simulated, UnaryOperator<String> redact) {
            return new ProviderView(provider.provider().configName(), provider.provider().type().configName(), simulated,
                    ProviderBreakers.wireName(provider.breaker()), provider.keyRejected(),
                    ProbeView.of(provider.probe(), redact));
        }
    }

    /** What the active probes found: not_probed, up, down or unsupported, and when and how the last one went. */
    @JsonPropertyOrder({ "state", "last_probe_at", "last_latency_ms", "consecutive_failures", "last_failure" })
    public record ProbeView(String state, @JsonProperty("last_probe_at") String lastProbeAt,
            @JsonProperty("last_latency_ms") Double lastLatencyMs,
            @JsonProperty("consecutive_failures") int consecutiveFailures,
            @JsonProperty("last_failure") String lastFailure) {

        static ProbeView of(ProbeStatus probe, UnaryOperator<String> redact) {
            return new ProbeView(probe.state().wireName(), probe.lastProbeAt().map(Object::toString).orElse(null),
                    probe.lastLatency().map(latency -> micros(latency.toNanos() / 1_000_000.0)).orElse(null),
                    probe.consecutiveFailures(), probe.lastFailure().map(redact).orElse(null));
        }
    }

    /** Milliseconds to the window's resolution (microseconds), so averages do not print sixteen digits. */
    private static double micros(double millis) {
        return Math.round(millis * 1_000) / 1_000.0;
    }

    private static long secondsRoundedUp(Duration duration) {
        return duration.isNegative() || duration.isZero() ? 0 : (duration.toMillis() + 999) / 1_000;
    }
}
