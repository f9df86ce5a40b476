package dev.switchboard.routing;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.health.RouteAvailability;
import dev.switchboard.provider.ProviderInstances;

/** Each route's stream limits and whether it may continue a broken stream, with the routing defaults filled in. */
@ApplicationScoped
public class StreamSettings {

    private final SwitchboardConfig config;
    private final RouteAvailability availability;
    private final ProviderInstances instances;

    public StreamSettings(SwitchboardConfig config, RouteAvailability availability, ProviderInstances instances) {
        this.config = config;
        this.availability = availability;
        this.instances = instances;
    }

    public Duration firstTokenTimeout(Route route) {
        return configured(route).flatMap(SwitchboardConfig.Route::firstTokenTimeout)
                .orElse(config.routing().firstTokenTimeout());
    }

    public Duration idleTimeout(Route route) {
        return configured(route).flatMap(SwitchboardConfig.Route::streamIdleTimeout)
                .orElse(config.routing().streamIdleTimeout());
    }

    /** On where the route says so (or its provider does by default), unless the model has refused a prefill. */
    public boolean continues(Route route) {
        boolean wanted = configured(route).flatMap(SwitchboardConfig.Route::continuation)
                .orElse(instances.continuesByDefault(route.provider()));
        return wanted && instances.canContinue(route.provider()) && !availability.prefillRejected(route);
    }

    private Optional<SwitchboardConfig.Route> configured(Route route) {
        return Optional.ofNullable(config.routes().get(route.configuredName()));
    }
}
