package dev.switchboard.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.InstanceGuards;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.provider.ProviderPolicy;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * The typed clients' per-provider {@code @CircuitBreaker}s (each named after its provider), read
 * through {@link CircuitBreakerMaintenance}. SmallRye moves an open breaker to half-open only when a
 * call arrives after its delay, so an open breaker whose delay has passed counts as callable here:
 * otherwise nothing would ever call it again.
 */
@ApplicationScoped
public class ProviderBreakers {

    private final CircuitBreakerMaintenance maintenance;
    private final SwitchboardConfig config;
    private final ProviderInstances instances;
    private final InstanceGuards guards;
    private final Clock clock;
    private final Map<ProviderId, Instant> openedAt = new ConcurrentHashMap<>();

    @Inject
    public ProviderBreakers(CircuitBreakerMaintenance maintenance, SwitchboardConfig config, InstanceGuards guards) {
        this(maintenance, config, guards, Clock.systemUTC());
    }

    /** Breakers read without instance guards (tests of what reads them). */
    public ProviderBreakers(CircuitBreakerMaintenance maintenance, SwitchboardConfig config) {
        this(maintenance, config, null, Clock.systemUTC());
    }

    ProviderBreakers(CircuitBreakerMaintenance maintenance, SwitchboardConfig config, InstanceGuards guards, Clock clock) {
        this.maintenance = maintenance;
        this.config = config;
        this.instances = ProviderInstances.of(config);
        this.guards = guards;
        this.clock = clock;
    }

    void watch(@Observes StartupEvent event) {
        // A programmatic breaker exists once its guard is built: build them all before watching.
        if (guards != null) {
            guards.createAll();
        }
        for (ProviderId provider : instances.all()) {
            maintenance.onStateChange(InstanceGuards.breakerName(provider), state -> changed(provider, state));
        }
    }

    private void changed(ProviderId provider, CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            openedAt.put(provider, clock.instant());
        } else {
            openedAt.remove(provider);
        }
    }

    /** A breaker state as the status API and health checks show it, like the other states: {@code half_open}. */
    public static String wireName(CircuitBreakerState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** The breaker's state as SmallRye reports it. */
    public CircuitBreakerState state(ProviderId provider) {
        return maintenance.currentState(InstanceGuards.breakerName(provider));
    }

    /** Whether a call now would be refused by the open breaker without reaching the provider. */
    public boolean refusing(ProviderId provider) {
        return !refusingFor(provider).isZero();
    }

    /** How long the open breaker still refuses calls. */
    public Duration refusingFor(ProviderId provider) {
        Instant opened = openedAt.get(provider);
        if (opened == null || state(provider) != CircuitBreakerState.OPEN) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(),
                opened.plusMillis(config.providers().get(provider.name()).breaker().delayMs()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Closes the instance's breaker, and its API's backstop breakers: its probe saw it come back, so
     * waiting out the delay would only cost time.
     */
    public void reset(ProviderId provider) {
        maintenance.reset(InstanceGuards.breakerName(provider));
        ProviderPolicy.backstopBreakers(provider.type()).forEach(maintenance::reset);
        openedAt.remove(provider);
    }

    public void resetAll() {
        maintenance.resetAll();
        openedAt.clear();
    }
}
