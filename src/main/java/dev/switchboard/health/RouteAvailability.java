package dev.switchboard.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.switchboard.provider.ProviderId;
import dev.switchboard.routing.Route;

/**
 * What the router remembers between requests: routes cooling down after a provider's Retry-After,
 * providers whose key was rejected (unusable until the configuration changes, i.e. a restart), and
 * routes that turned out not to accept an assistant prefill, so broken streams are not continued there.
 */
@ApplicationScoped
public class RouteAvailability {

    private final Map<String, Instant> coolingUntil = new ConcurrentHashMap<>();
    private final Set<ProviderId> rejectedKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> prefillRejected = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    @Inject
    public RouteAvailability() {
        this(Clock.systemUTC());
    }

    RouteAvailability(Clock clock) {
        this.clock = clock;
    }

    /** The provider asked us to wait: no request takes this route until then. */
    public void coolDown(Route route, Duration wait) {
        Instant until = clock.instant().plus(wait);
        coolingUntil.merge(route.name(), until, (old, fresh) -> fresh.isAfter(old) ? fresh : old);
    }

    public void rejectKey(ProviderId provider) {
        rejectedKeys.add(provider);
    }

    /** How long the route still cools down, if it does. */
    public Optional<Duration> coolingFor(Route route) {
        Instant until = coolingUntil.get(route.name());
        if (until == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), until);
        if (left.isNegative() || left.isZero()) {
            coolingUntil.remove(route.name(), until);
            return Optional.empty();
        }
        return Optional.of(left);
    }

    public boolean keyRejected(ProviderId provider) {
        return rejectedKeys.contains(provider);
    }

    /** The route's model refused to continue a partial answer (F14): do not ask it again. */
    public void rejectPrefill(Route route) {
        prefillRejected.add(route.name());
    }

    public boolean prefillRejected(Route route) {
        return prefillRejected.contains(route.name());
    }

    /** Forget everything, as after a configuration change. */
    public void reset() {
        coolingUntil.clear();
        rejectedKeys.clear();
        prefillRejected.clear();
    }
}
