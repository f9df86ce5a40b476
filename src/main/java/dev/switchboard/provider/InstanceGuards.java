package dev.switchboard.provider;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import dev.switchboard.config.SwitchboardConfig;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * Each provider instance's own timeout and circuit breaker, from its typed settings
 * ({@code switchboard.providers.<name>.timeout-ms} and {@code .breaker.*}), around every whole call
 * made to it. This is what isolates instances: two OpenAI-compatible servers share one typed REST
 * client, whose annotated {@code @CircuitBreaker} and {@code @Timeout} only guard the API family as a
 * last backstop ({@link ProviderPolicy}), while each instance's breaker, named after the instance,
 * opens for that instance alone. Embeddings have a breaker of their own per instance
 * ({@code <name>/embeddings}): an embeddings endpoint failing says little about completions.
 * Streams are judged by the router's first-token and idle limits instead.
 */
@ApplicationScoped
public class InstanceGuards {

    /** What never counts against an instance: the request's fault or a limit, not the server's health. */
    static final List<Class<? extends Throwable>> NOT_ITS_HEALTH = List.of(ProviderFailure.RateLimited.class,
            ProviderFailure.RequestRejected.class, ProviderFailure.ContextTooLong.class,
            ProviderFailure.ContentFiltered.class, ProviderFailure.AuthRejected.class);

    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {
    };

    private final ProviderInstances instances;
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    public InstanceGuards(ProviderInstances instances) {
        this.instances = instances;
    }

    /** The breaker name of an instance's completions. */
    public static String breakerName(ProviderId instance) {
        return instance.name();
    }

    /** The breaker name of an instance's embeddings. */
    public static String embeddingsBreakerName(ProviderId instance) {
        return instance.name() + "/embeddings";
    }

    /** A whole answer from the instance, inside its timeout and breaker; failures typed as that instance's. */
    public <T> Uni<T> chat(ProviderId instance, Supplier<Uni<T>> call) {
        return guarded(instance, breakerName(instance), call);
    }

    /** An embeddings call to the instance, inside its timeout and its embeddings breaker. */
    public <T> Uni<T> embeddings(ProviderId instance, Supplier<Uni<T>> call) {
        return guarded(instance, embeddingsBreakerName(instance), call);
    }

    @SuppressWarnings("unchecked")
    private <T> Uni<T> guarded(ProviderId instance, String name, Supplier<Uni<T>> call) {
        // Built at start-up (createAll); an instance named later, as in tests of single beans, builds its own.
        Guard guard = guards.get(name);
        if (guard == null) {
            guard = guards.computeIfAbsent(name, build(instance));
        }
        Guard chosen = guard;
        Uni<T> guarded = Uni.createFrom().deferred(() -> (Uni<T>) chosen.get((Supplier<Uni<Object>>) (Supplier<?>) call, UNI));
        return guarded.onFailure().transform(failure -> FailureFallback.classify(instance, failure).at(instance));
    }

    /** How to build an instance's guard: its settings are read only when the guard is first needed. */
    private Function<String, Guard> build(ProviderId instance) {
        return name -> guard(name, instances.settings(instance));
    }

    private static Guard guard(String name, SwitchboardConfig.Provider settings) {
        return Guard.create()
                .withDescription(name)
                .withTimeout().duration(settings.timeoutMs(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker().name(name)
                        .requestVolumeThreshold(settings.breaker().window())
                        .failureRatio(settings.breaker().failureRatio())
                        .delay(settings.breaker().delayMs(), ChronoUnit.MILLIS)
                        .successThreshold(settings.breaker().successThreshold())
                        .skipOn(NOT_ITS_HEALTH)
                        .done()
                .withThreadOffload(false)
                .build();
    }

    /**
     * Builds every instance's guards now, so their breakers exist (and can be watched) before the first
     * call, and runs each once on an answer that is already there: what fault tolerance loads and sets
     * up on a guard's first use is then paid at start-up, not by the first request, whose provider
     * timeout it would otherwise eat into. (Each breaker so counts one success, which says nothing
     * wrong: a breaker opens on failures in a row, and a reset clears it.)
     */
    @SuppressWarnings("unchecked")
    public void createAll() {
        for (ProviderId instance : instances.all()) {
            for (String name : List.of(breakerName(instance), embeddingsBreakerName(instance))) {
                Guard guard = guards.computeIfAbsent(name, build(instance));
                ((Uni<Object>) guard.get(() -> Uni.createFrom().item(Boolean.TRUE), UNI)).await()
                        .atMost(java.time.Duration.ofSeconds(5));
            }
        }
    }
}
