package dev.switchboard.health;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.embedding.EmbeddingRouteTable;
import dev.switchboard.provider.FailureKind;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.routing.Deployment;
import dev.switchboard.routing.Route;
import dev.switchboard.routing.RouteTable;

/**
 * What the gateway knows about every route and provider between requests, and the one place that
 * decides whether a route takes a request now. It joins:
 * <ul>
 * <li>each route's passive health ({@link RouteHealth}: decayed errors, latencies, its own circuit,
 * the cooldown a provider's Retry-After asks for);</li>
 * <li>each provider client's {@code @CircuitBreaker} ({@link ProviderBreakers});</li>
 * <li>the active probes ({@link ProviderProbeRecord}): a provider failing them is out, and its
 * return lets its open routes try again without waiting out their cooldown;</li>
 * <li>providers whose key was rejected (unusable until the configuration changes, i.e. a restart),
 * and routes that refused an assistant prefill, so broken streams are not continued there.</li>
 * </ul>
 */
@ApplicationScoped
public class RouteAvailability {

    private static final Logger LOG = Logger.getLogger(RouteAvailability.class);

    /** Ad-hoc routes ({@code provider/model} from callers) are remembered up to this many, least recently used first out. */
    static final int MAX_AD_HOC_ROUTES = 256;

    private final SwitchboardConfig config;
    private final ProviderBreakers breakers;
    private final RouteTable routes;
    private final Clock clock;
    private final Map<String, RouteHealth> configured = new LinkedHashMap<>();
    /**
     * The configured embedding routes' health, kept like the chat routes' but apart from them: the
     * status API and the routing-wellness check list the chat routes, which is what they are about.
     */
    private final Map<String, RouteHealth> embedding = new LinkedHashMap<>();
    private final Map<String, RouteHealth> adHoc = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RouteHealth> eldest) {
                    return size() > MAX_AD_HOC_ROUTES;
                }
            });
    private final Map<ProviderId, ProviderProbeRecord> probes = new LinkedHashMap<>();
    private final Set<ProviderId> rejectedKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> prefillRejected = ConcurrentHashMap.newKeySet();

    @Inject
    public RouteAvailability(SwitchboardConfig config, RouteTable routes, ProviderBreakers breakers) {
        this(config, routes, breakers, Clock.systemUTC());
    }

    RouteAvailability(SwitchboardConfig config, RouteTable routes, ProviderBreakers breakers, Clock clock) {
        this.config = config;
        this.breakers = breakers;
        this.clock = clock;
        this.routes = routes;
        routes.all().forEach(route -> configured.put(route.name(), new RouteHealth(route, config.health(), clock)));
        routes.callable().forEach(route -> configured.putIfAbsent(route.name(), new RouteHealth(route, config.health(), clock)));
        ProviderInstances instances = ProviderInstances.of(config);
        EmbeddingRouteTable.of(config, instances).values().forEach(route ->
                embedding.put(route.name(), new RouteHealth(route.route(), config.health(), clock)));
        for (ProviderId provider : instances.all()) {
            probes.put(provider, new ProviderProbeRecord(clock));
        }
    }

    private RouteHealth health(Route route) {
        RouteHealth known = configured.get(route.name());
        if (known == null) {
            known = embedding.get(route.name());
        }
        return known != null ? known : adHoc.computeIfAbsent(route.name(), name -> new RouteHealth(route, config.health(), clock));
    }

    /** Why the route should not be called now, if so; takes nothing. */
    public Optional<Unavailable> unavailable(Route route) {
        List<Deployment> members = routes.deployments(route);
        if (!members.isEmpty()) {
            // A balanced route is out only when every deployment is.
            List<Unavailable> out = new ArrayList<>();
            for (Deployment member : members) {
                Optional<Unavailable> why = unavailable(member.route());
                if (why.isEmpty()) {
                    return Optional.empty();
                }
                out.add(why.get());
            }
            return Optional.of(new Unavailable(out.get(0).kind(), "every deployment is out: "
                    + String.join("; ", out.stream().map(Unavailable::reason).toList()),
                    out.stream().allMatch(Unavailable::lastResort)));
        }
        if (rejectedKeys.contains(route.provider())) {
            return Optional.of(new Unavailable(FailureKind.AUTH_REJECTED,
                    "the " + route.provider() + " key was rejected earlier; fix it and restart", false));
        }
        Duration breakerLeft = breakers.refusingFor(route.provider());
        if (!breakerLeft.isZero()) {
            return Optional.of(new Unavailable(FailureKind.CIRCUIT_OPEN, "the " + route.provider()
                    + " client's circuit breaker is open for " + Math.max(1, breakerLeft.toSeconds()) + " s more", false));
        }
        Optional<Unavailable> own = health(route).unavailable();
        if (own.isPresent()) {
            return own;
        }
        if (probes.get(route.provider()).down()) {
            return Optional.of(new Unavailable(FailureKind.PROVIDER_DOWN,
                    "the " + route.provider() + " health probe is failing", true));
        }
        return Optional.empty();
    }

    /** Takes the route for one call, or empty when it must be skipped (see {@link #unavailable}). */
    public Optional<Ticket> admit(Route route) {
        if (unavailable(route).isPresent()) {
            return Optional.empty();
        }
        RouteHealth health = health(route);
        return switch (health.admit()) {
            case ADMITTED -> Optional.of(new Ticket(health, false));
            case TRIAL -> Optional.of(new Ticket(health, true));
            case REFUSED -> Optional.empty();
        };
    }

    /** A last-resort call on a route that is out on the gateway's own judgement; judged like a trial. */
    public Ticket force(Route route) {
        RouteHealth health = health(route);
        health.forceTrial();
        return new Ticket(health, true);
    }

    /** Whether the route's own circuit is open now (so retrying it at once would waste a call). */
    public boolean circuitOpen(Route route) {
        return health(route).circuitOpen();
    }

    /** How long a provider's Retry-After still keeps the route out, if it does. */
    public Optional<Duration> coolingFor(Route route) {
        return health(route).rateLimitedFor();
    }

    /** The route's average latency (time to first token for streams), NaN before any success. */
    public double averageMillis(Route route, boolean stream) {
        return health(route).averageMillis(stream);
    }

    /** How long the route's circuit still cools down; zero when it is not open. */
    public Duration outFor(Route route) {
        return health(route).outFor();
    }

    public int errors(Route route) {
        return health(route).errors();
    }

    public void rejectKey(ProviderId provider) {
        rejectedKeys.add(provider);
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

    // --- Active probes ---------------------------------------------------------------------------

    /**
     * A probe answered. When the probe before it had failed, the probe saw the provider come back, so
     * its open routes need not wait out their cooldown: the next request is their trial (the route's
     * circuit still lets only one through), and an open client breaker is closed. A success
     * that follows successes says nothing new (the probe may simply not see what fails the route's
     * calls), so it shortens nothing, and a partial outage costs one trial per cooldown.
     */
    public void probeSucceeded(ProviderId provider, Duration took) {
        if (probes.get(provider).succeeded(took)) {
            LOG.infof("Provider %s answers its health probe again", provider);
            if (breakers.refusing(provider)) {
                breakers.reset(provider);
            }
            routesOf(provider).forEach(RouteHealth::providerRecovered);
        }
    }

    public void probeFailed(ProviderId provider, String detail) {
        if (probes.get(provider).failed(detail, config.probes().failureThreshold())) {
            LOG.warnf("Provider %s is marked down: %d health probes failed in a row (last: %s)", provider,
                    config.probes().failureThreshold(), detail);
        }
    }

    public void probeUnsupported(ProviderId provider, String detail) {
        probes.get(provider).unsupported(detail);
    }

    /** Whether the provider, or one of its routes, is out: it is then probed more often, to see it return soon. */
    public boolean recovering(ProviderId provider) {
        return probes.get(provider).down() || routesOf(provider).stream().anyMatch(RouteHealth::circuitOpen);
    }

    private List<RouteHealth> routesOf(ProviderId provider) {
        List<RouteHealth> of = new ArrayList<>();
        configured.values().stream().filter(h -> h.route().provider().equals(provider)).forEach(of::add);
        embedding.values().stream().filter(h -> h.route().provider().equals(provider)).forEach(of::add);
        synchronized (adHoc) {
            adHoc.values().stream().filter(h -> h.route().provider().equals(provider)).forEach(of::add);
        }
        return of;
    }

    // --- Status ----------------------------------------------------------------------------------

    /** Every configured route, then every ad-hoc route still remembered. */
    public List<RouteStatus> routes() {
        List<RouteHealth> all = new ArrayList<>(configured.values());
        synchronized (adHoc) {
            all.addAll(adHoc.values());
        }
        return all.stream().map(this::status).toList();
    }

    public Optional<RouteStatus> route(String name) {
        RouteHealth known = configured.containsKey(name) ? configured.get(name) : embedding.get(name);
        return Optional.ofNullable(known != null ? known : adHoc.get(name)).map(this::status);
    }

    private RouteStatus status(RouteHealth health) {
        Route route = health.route();
        RouteHealth.Snapshot snapshot = health.snapshot();
        Optional<Unavailable> why = unavailable(route);
        return new RouteStatus(route.name(), route.provider(), route.model(),
                !configured.containsKey(route.name()) && !embedding.containsKey(route.name()),
                snapshot.healthy(), why.isEmpty(), snapshot.state(), breakers.state(route.provider()),
                snapshot.errors(), snapshot.successes(), snapshot.failures(), snapshot.latency(),
                snapshot.timeToFirstToken(), snapshot.cooldownRemaining(), why.map(Unavailable::reason),
                snapshot.lastFailure());
    }

    public List<ProviderStatus> providers() {
        return probes.entrySet().stream()
                .map(e -> new ProviderStatus(e.getKey(), breakers.state(e.getKey()), rejectedKeys.contains(e.getKey()),
                        e.getValue().status()))
                .toList();
    }

    /** Forget everything, as after a configuration change. */
    public void reset() {
        configured.values().forEach(RouteHealth::reset);
        embedding.values().forEach(RouteHealth::reset);
        adHoc.clear();
        probes.values().forEach(ProviderProbeRecord::reset);
        rejectedKeys.clear();
        prefillRejected.clear();
    }
}
