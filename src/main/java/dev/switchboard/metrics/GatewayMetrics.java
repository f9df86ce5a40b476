package dev.switchboard.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.switchboard.chat.Usage;
import dev.switchboard.health.RouteAvailability;
import dev.switchboard.provider.FailureKind;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.routing.Route;
import dev.switchboard.routing.RouteTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;

/**
 * What the gateway counts and times, in Micrometer (Prometheus at {@code /q/metrics}).
 *
 * <p>Upstream calls follow the OpenTelemetry GenAI client conventions where they name a metric:
 * {@code gen_ai.client.operation.duration} (every call, failed ones tagged with {@code error.type}),
 * {@code gen_ai.client.operation.time_to_first_chunk} (streams) and {@code gen_ai.client.token.usage},
 * with the conventions' attributes and bucket boundaries, plus {@code switchboard.route}. What the
 * conventions do not cover is under {@code switchboard.}: requests by route and outcome, fallbacks
 * by from, to and reason, route availability, spend in USD by route and caller, and degraded answers. The clients' breakers, timeouts and fallbacks are
 * already published by SmallRye Fault Tolerance as {@code ft.*}; nothing here repeats them.
 *
 * <p>Tags take values only from configuration, the failure kinds and the providers' answers; ad-hoc
 * routes named by callers are bounded by {@link MetricsLimits}.
 */
@ApplicationScoped
public class GatewayMetrics {

    static final String ROUTE = "switchboard.route";
    static final String OPERATION = "gen_ai.operation.name";
    static final String PROVIDER = "gen_ai.provider.name";
    /** Which configured instance of the provider served the call ({@code switchboard.providers.<name>}). */
    static final String INSTANCE = "switchboard.provider.instance";
    static final String REQUEST_MODEL = "gen_ai.request.model";
    static final String RESPONSE_MODEL = "gen_ai.response.model";
    static final String ERROR_TYPE = "error.type";
    static final String CALLER = "caller";

    /** The conventions' {@code gen_ai.operation.name} of a chat completion. */
    public static final String CHAT = "chat";
    /** The conventions' {@code gen_ai.operation.name} of an embeddings call. */
    public static final String EMBEDDINGS = "embeddings";

    /** The conventions' boundaries for durations: 10 ms doubling up to 81.92 s. */
    private static final Duration[] DURATION_BUCKETS = java.util.stream.IntStream.range(0, 14)
            .mapToObj(i -> Duration.ofMillis(10L << i)).toArray(Duration[]::new);
    /** The conventions' boundaries for token counts. */
    private static final double[] TOKEN_BUCKETS = {
        1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864 };

    private final MeterRegistry registry;
    private final RouteAvailability availability;
    private final RouteTable routes;
    private final MeterCache<CallKey, Timer> callTimers = new MeterCache<>();
    private final MeterCache<String, Timer> firstChunkTimers = new MeterCache<>();
    private final MeterCache<TokenKey, DistributionSummary> tokenSummaries = new MeterCache<>();
    private final MeterCache<RequestKey, Counter> requestCounters = new MeterCache<>();
    private final MeterCache<SpendKey, Counter> spendCounters = new MeterCache<>();

    private record CallKey(String operation, String route, String responseModel, FailureKind failure) {
    }

    private record TokenKey(String operation, String route, String responseModel, String type) {
    }

    private record RequestKey(String operation, String route, String outcome) {
    }

    private record SpendKey(String route, String caller) {
    }

    public GatewayMetrics(MeterRegistry registry, RouteAvailability availability, RouteTable routes) {
        this.registry = registry;
        this.availability = availability;
        this.routes = routes;
    }

    /** One gauge per configured route: 1 while it takes requests, 0 while it is out. */
    void registerAvailability(@Observes StartupEvent event) {
        java.util.Set<Route> gauged = new java.util.LinkedHashSet<>(routes.all());
        gauged.addAll(routes.callable());
        for (Route route : gauged) {
            Gauge.builder("switchboard.route.available", availability,
                    health -> health.unavailable(route).isEmpty() ? 1 : 0)
                    .description("1 while the route takes requests, 0 while it is out (open circuit, cooldown, failing probe, rejected key)")
                    .tags(ROUTE, route.name(), PROVIDER, providerName(route.provider()), INSTANCE, route.provider().name())
                    .register(registry);
        }
    }

    /** The OpenTelemetry GenAI provider name (a custom one for OpenAI-compatible servers). */
    static String providerName(ProviderId provider) {
        return provider.type().genAiName();
    }

    private static Tags call(String operation, Route route) {
        return Tags.of(OPERATION, operation, PROVIDER, providerName(route.provider()), INSTANCE, route.provider().name(),
                REQUEST_MODEL, route.model(),
                ROUTE, route.name());
    }

    /**
     * One upstream call ended: a whole answer, a whole stream, or a failure before either.
     *
     * @param responseModel the model that answered, or null on failure
     * @param failure       null on success
     */
    public void call(Route route, String responseModel, Duration took, FailureKind failure) {
        call(CHAT, route, responseModel, took, failure);
    }

    /** One upstream call of this operation ({@link #CHAT}, {@link #EMBEDDINGS}) ended; see {@link #call(Route, String, Duration, FailureKind)}. */
    public void call(String operation, Route route, String responseModel, Duration took, FailureKind failure) {
        CallKey id = new CallKey(operation, route.name(), responseModel, failure);
        callTimers.get(id, key -> Timer.builder("gen_ai.client.operation.duration")
                .description("GenAI operation duration: one upstream call, streams until their end")
                .tags(call(operation, route))
                .tag(RESPONSE_MODEL, responseModel == null ? "" : responseModel)
                .tag(ERROR_TYPE, failure == null ? "" : failure.wireName())
                .serviceLevelObjectives(DURATION_BUCKETS)
                .register(registry))
                .record(took);
    }

    /** A stream's first words arrived. */
    public void firstChunk(Route route, Duration took) {
        firstChunkTimers.get(route.name(), name -> Timer.builder("gen_ai.client.operation.time_to_first_chunk")
                .description("Time to receive the first chunk of a streamed answer")
                .tags(call(CHAT, route))
                .serviceLevelObjectives(DURATION_BUCKETS)
                .register(registry))
                .record(took);
    }

    /** The tokens one upstream call was billed for. */
    public void tokens(Route route, String responseModel, Usage usage) {
        tokens(CHAT, route, responseModel, usage);
    }

    /** The tokens one upstream call of this operation was billed for; embeddings have input tokens only. */
    public void tokens(String operation, Route route, String responseModel, Usage usage) {
        if (usage == null || usage.totalTokens() == 0) {
            return;
        }
        tokenSummary(operation, route, responseModel, "input").record(usage.promptTokens());
        if (!EMBEDDINGS.equals(operation)) {
            tokenSummary(operation, route, responseModel, "output").record(usage.completionTokens());
        }
    }

    private DistributionSummary tokenSummary(String operation, Route route, String responseModel, String type) {
        String model = responseModel == null ? route.model() : responseModel;
        return tokenSummaries.get(new TokenKey(operation, route.name(), model, type), key -> DistributionSummary
                .builder("gen_ai.client.token.usage")
                .description("Number of input and output tokens used")
                .tags(call(operation, route))
                .tag(RESPONSE_MODEL, model)
                .tag("gen_ai.token.type", type)
                .serviceLevelObjectives(TOKEN_BUCKETS)
                .register(registry));
    }

    /**
     * What a billed call cost, by route and caller (the caller's non-secret id, never its key). A
     * Micrometer counter is a double: fine for dashboards; exact totals are in {@code /admin/spend}.
     */
    public void spend(Route route, String caller, BigDecimal usd) {
        if (usd.signum() == 0) {
            return;
        }
        spendCounters.get(new SpendKey(route.name(), caller), key -> Counter.builder("switchboard.spend.usd")
                .description("USD spent on upstream calls at the routes' configured prices, by route and caller")
                .baseUnit("usd")
                .tags(ROUTE, route.name(), CALLER, caller)
                .register(registry))
                .increment(usd.doubleValue());
    }

    /** A request moved on from one route to another, and why. */
    public void fallback(String from, String to, FailureKind reason) {
        Counter.builder("switchboard.fallbacks")
                .description("Requests that moved on from one route to the next, by reason")
                .tags("from", from, "to", to, "reason", reason.wireName())
                .register(registry)
                .increment();
    }

    /**
     * No route answered and degraded mode did: {@code source} is {@code cache} (the last known good
     * answer) or {@code static} (the category's message); {@code category} is the request's category,
     * one of the configured ones.
     */
    public void degraded(String source, String category) {
        Counter.builder("switchboard.degraded")
                .description("Requests no route answered that got a degraded answer instead of an error, by source and category")
                .tags("source", source, "category", category)
                .register(registry)
                .increment();
    }

    /**
     * A request ended. {@code outcome}: {@code success} (answered by the route asked for),
     * {@code fallback} (answered by another route), or why it was not answered.
     */
    public void request(String route, String outcome) {
        request(CHAT, route, outcome);
    }

    /** A request of this operation ({@link #CHAT}, {@link #EMBEDDINGS}) ended; see {@link #request(String, String)}. */
    public void request(String operation, String route, String outcome) {
        requestCounters.get(new RequestKey(operation, route, outcome), key -> Counter.builder("switchboard.requests")
                .description("Requests by operation (chat, embeddings), the route asked for and their outcome")
                .tags(OPERATION, operation, ROUTE, route, "outcome", outcome.toLowerCase(Locale.ROOT))
                .register(registry))
                .increment();
    }
}
