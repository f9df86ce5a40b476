package dev.switchboard.health.check;

import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.switchboard.config.ConfigCheck;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.routing.Route;
import dev.switchboard.routing.RouteTable;

/**
 * The gateway's own ability to serve: its configuration was validated, it has routes, its default
 * chain resolves to them, and its HTTP server listens. Provider health is deliberately left out:
 * every pod sees the same providers, so an outage would take every pod out of the Service at once
 * and turn the gateway's clear "all routes failed" answer (with each attempt listed) into refused
 * connections. Provider and route state is reported by the wellness check and {@code /admin/status}.
 */
@Readiness
@ApplicationScoped
public class ReadinessHealthCheck implements HealthCheck {

    static final String NAME = "gateway-ready";

    private final ConfigCheck configCheck;
    private final RouteTable routes;
    private final SwitchboardConfig config;
    private final HttpServerState http;

    public ReadinessHealthCheck(ConfigCheck configCheck, RouteTable routes, SwitchboardConfig config,
            HttpServerState http) {
        this.configCheck = configCheck;
        this.routes = routes;
        this.config = config;
        this.http = http;
    }

    @Override
    public HealthCheckResponse call() {
        boolean validated = configCheck.passed();
        List<Route> chain = routes.defaultChain();
        boolean chainResolves = !chain.isEmpty() && chain.stream().allMatch(Objects::nonNull);
        boolean listening = http.started();
        return HealthCheckResponse.named(NAME)
                .status(validated && !routes.all().isEmpty() && chainResolves && listening)
                .withData("configuration", validated ? "validated" : "not validated")
                .withData("routes", routes.all().size())
                .withData("default_chain", chainResolves ? String.join(",", config.chain()) : "unresolved")
                .withData("http", listening ? "started" : "not started")
                .build();
    }
}
