package dev.switchboard.health.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;

/**
 * Whether the gateway's HTTP server listens. Quarkus announces it with an asynchronous event once
 * the port is bound. It matters to readiness when the probes are served elsewhere (the management
 * interface, {@code quarkus.management.enabled}): then a probe answering says nothing about the API port.
 */
@ApplicationScoped
public class HttpServerState {

    private volatile boolean started;

    void plainStarted(@ObservesAsync HttpServerStart event) {
        started = true;
    }

    void tlsStarted(@ObservesAsync HttpsServerStart event) {
        started = true;
    }

    public boolean started() {
        return started;
    }
}
