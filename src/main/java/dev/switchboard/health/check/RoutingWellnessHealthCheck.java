package dev.switchboard.health.check;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.health.ProviderBreakers;
import dev.switchboard.health.ProviderStatus;
import dev.switchboard.health.RouteAvailability;
import dev.switchboard.health.RouteStatus;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.routing.Route;
import dev.switchboard.routing.RouteTable;
import io.smallrye.health.api.Wellness;

/**
 * How the providers and routes are doing, for people and dashboards, never for Kubernetes (it has
 * no probe for wellness). Down only when no route of the default chain is available: requests that
 * name no chain of their own would then get at most a last-resort try on a route that is out.
 * One provider or route being out is normal failover and leaves it up; the details are in the data.
 * <p>
 * SmallRye accepts only flat strings, numbers and booleans as data, hence keys such as
 * {@code provider.openai.breaker} and {@code route.gpt-4o.available}. Routes that callers made up
 * ({@code provider/model}) are left out; {@code /admin/status} lists them. Note that
 * {@code /q/health} aggregates every group, this one included, so it goes down with it: point
 * Kubernetes at {@code /q/health/live}, {@code /ready} and {@code /started}, never at {@code /q/health}.
 */
@Wellness
@ApplicationScoped
public class RoutingWellnessHealthCheck implements HealthCheck {

    static final String NAME = "routing";

    private final RouteAvailability availability;
    private final RouteTable routes;
    private final ProviderEndpoints endpoints;
    private final SwitchboardConfig config;

    public RoutingWellnessHealthCheck(RouteAvailability availability, RouteTable routes, ProviderEndpoints endpoints,
            SwitchboardConfig config) {
        this.availability = availability;
        this.routes = routes;
        this.endpoints = endpoints;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        List<RouteStatus> configured = availability.routes().stream().filter(route -> !route.adHoc()).toList();
        List<String> chain = routes.defaultChain().stream().map(Route::name).toList();
        long chainAvailable = configured.stream()
                .filter(route -> chain.contains(route.route()) && route.available()).count();

        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(chainAvailable > 0)
                .withData("default_chain", String.join(",", chain))
                .withData("default_chain_available", chainAvailable);
        for (ProviderStatus provider : availability.providers()) {
            String name = provider.provider().configName();
            if (!config.providers().get(name).enabled()) {
                continue;
            }
            String prefix = "provider." + name + ".";
            response.withData(prefix + "simulated", endpoints.simulated(provider.provider()))
                    .withData(prefix + "breaker", ProviderBreakers.wireName(provider.breaker()))
                    .withData(prefix + "probe", provider.probe().state().wireName())
                    .withData(prefix + "key_rejected", provider.keyRejected());
        }
        for (RouteStatus route : configured) {
            String prefix = "route." + route.route() + ".";
            response.withData(prefix + "available", route.available())
                    .withData(prefix + "circuit", route.circuit().wireName());
        }
        return response.build();
    }
}
