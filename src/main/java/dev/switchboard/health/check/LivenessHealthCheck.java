package dev.switchboard.health.check;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Up whenever the process can answer. It deliberately consults nothing else, least of all the
 * providers: a failed liveness probe restarts the pod, and a restart cures no provider outage. It
 * would only throw away every route's learnt health and put all pods through start-up together.
 */
@Liveness
@ApplicationScoped
public class LivenessHealthCheck implements HealthCheck {

    static final String NAME = "gateway-alive";

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up(NAME);
    }
}
