package dev.switchboard.admin;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.health.RouteAvailability;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.routing.Route;
import dev.switchboard.routing.RouteTable;
import dev.switchboard.security.SecretRedactor;
import io.smallrye.common.annotation.NonBlocking;

/**
 * {@code GET /admin/status}: each route's and provider's health, as the router sees it now: every
 * configured route, then the {@code provider/model} routes callers named lately. Guarded by the admin
 * key when one is set ({@code security.AdminAuthFilter}).
 */
@Path("/admin/status")
@Produces(MediaType.APPLICATION_JSON)
public class AdminStatusResource {

    private final RouteAvailability availability;
    private final RouteTable routes;
    private final ProviderEndpoints endpoints;
    private final SwitchboardConfig config;
    private final SecretRedactor redactor;

    public AdminStatusResource(RouteAvailability availability, RouteTable routes, ProviderEndpoints endpoints,
            SwitchboardConfig config, SecretRedactor redactor) {
        this.availability = availability;
        this.routes = routes;
        this.endpoints = endpoints;
        this.config = config;
        this.redactor = redactor;
    }

    /** Reads memory only (each route's lock is held for a few field reads), so it answers on the event loop. */
    @GET
    @NonBlocking
    public AdminStatus status() {
        List<AdminStatus.RouteView> routeViews = availability.routes().stream()
                .map(route -> withDeployments(AdminStatus.RouteView.of(route, redactor::redact))).toList();
        List<AdminStatus.ProviderView> providerViews = availability.providers().stream()
                .filter(provider -> config.providers().get(provider.provider().configName()).enabled())
                .map(provider -> AdminStatus.ProviderView.of(provider, endpoints.simulated(provider.provider()),
                        redactor::redact))
                .toList();
        return new AdminStatus(routes.defaultChain().stream().map(Route::name).toList(), routeViews, providerViews);
    }

    private AdminStatus.RouteView withDeployments(AdminStatus.RouteView view) {
        return routes.named(view.name()).filter(route -> route.name().equals(view.name()))
                .filter(route -> !routes.deployments(route).isEmpty())
                .map(route -> view.balanced(routes.balance(route).name().toLowerCase(java.util.Locale.ROOT),
                        routes.deployments(route).stream().map(member -> new AdminStatus.DeploymentView(
                                member.route().name(), member.route().provider().name(), member.route().model(),
                                member.weight())).toList()))
                .orElse(view);
    }
}
