package dev.switchboard.routing;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.health.RouteAvailability;

/** Each route's stream limits and whether it may continue a broken stream, with the routing defaults filled in. */
@ApplicationScoped
public class StreamSettings {

    private final SwitchboardConfig config;
    private final RouteAvailability availability;

    public StreamSettings(SwitchboardConfig config, RouteAvailability availability) {
        this.config = config;
        this.availability = availability;
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
                .orElse(route.provider().continuesByDefault());
        return wanted && route.provider().canContinue() && !availability.prefillRejected(route);
    }

    private Optional<SwitchboardConfig.Route> configured(Route route) {
        return Optional.ofNullable(config.routes().get(route.name()));
    }
}
