package dev.switchboard.health.check;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import dev.switchboard.config.ConfigCheck;
import dev.switchboard.routing.RouteTable;

/**
 * Up once start-up is done: the configuration passed its check and the route table is built.
 * (A bad configuration stops the process instead, so this is down only while starting.)
 */
@Startup
@ApplicationScoped
public class StartupHealthCheck implements HealthCheck {

    static final String NAME = "gateway-started";

    private final ConfigCheck configCheck;
    private final RouteTable routes;

    public StartupHealthCheck(ConfigCheck configCheck, RouteTable routes) {
        this.configCheck = configCheck;
        this.routes = routes;
    }

    @Override
    public HealthCheckResponse call() {
        boolean validated = configCheck.passed();
        int routeCount = routes.all().size();
        return HealthCheckResponse.named(NAME)
                .status(validated && routeCount > 0)
                .withData("configuration", validated ? "validated" : "not validated")
                .withData("routes", routeCount)
                .build();
    }
}
