package dev.switchboard.support;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import dev.switchboard.degraded.LastKnownGood;
import dev.switchboard.health.ProviderBreakers;
import dev.switchboard.health.RouteAvailability;

/**
 * A gateway that remembers nothing from the test before: closed breakers, no cooldowns, no
 * rejected keys or prefills, no route health or probe results, no remembered answers. Each test base
 * adds the reset of its own provider emulator.
 */
public abstract class FreshGateway {

    @Inject
    ProviderBreakers breakers;

    @Inject
    protected RouteAvailability availability;

    @Inject
    LastKnownGood lastKnownGood;

    @BeforeEach
    void forgetEverything() {
        breakers.resetAll();
        availability.reset();
        lastKnownGood.clear();
    }
}
