package dev.switchboard.support;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import dev.switchboard.health.RouteAvailability;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A gateway that remembers nothing from the test before: closed breakers, no cooldowns, no
 * rejected keys or prefills. Each test base adds the reset of its own provider emulator.
 */
public abstract class FreshGateway {

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    RouteAvailability availability;

    @BeforeEach
    void forgetEverything() {
        breakers.resetAll();
        availability.reset();
    }
}
