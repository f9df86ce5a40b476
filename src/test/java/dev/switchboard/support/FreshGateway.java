package dev.switchboard.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import dev.switchboard.degraded.LastKnownGood;
import dev.switchboard.health.ProviderBreakers;
import dev.switchboard.health.RouteAvailability;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * A gateway that remembers nothing from the test before: closed breakers, no cooldowns, no
 * rejected keys or prefills, no route health or probe results, no remembered answers. Each test base
 * adds the reset of its own provider emulator.
 *
 * <p>The beans are looked up rather than injected, so that a test extending this one can be re-run
 * against the packaged artifact as an {@code *IT} ({@link QuarkusIntegrationTest} refuses injection).
 * There the gateway runs in another process and its memory is out of reach: instead of resetting it,
 * each test checks that it routes as a fresh one would, and fails at once if an earlier test left a
 * route out or a breaker open.
 */
public abstract class FreshGateway {

    protected RouteAvailability availability;

    @BeforeEach
    void forgetEverything() {
        if (getClass().isAnnotationPresent(QuarkusIntegrationTest.class)) {
            assertNothingKeepsARouteOut();
            return;
        }
        Arc.container().instance(ProviderBreakers.class).get().resetAll();
        availability = Arc.container().instance(RouteAvailability.class).get();
        availability.reset();
        Arc.container().instance(LastKnownGood.class).get().clear();
    }

    /** Every route available with its circuit closed, every provider's breaker closed and key accepted. */
    private static void assertNothingKeepsARouteOut() {
        Map<String, Object> wellness = given().get("/q/health/well").then().extract().path("checks[0].data");
        wellness.forEach((key, value) -> {
            if (key.endsWith(".available")) {
                assertThat(value).as(key + " left by an earlier test").isEqualTo(true);
            } else if (key.endsWith(".circuit") || key.endsWith(".breaker")) {
                assertThat(value).as(key + " left by an earlier test").isEqualTo("closed");
            } else if (key.endsWith(".key_rejected")) {
                assertThat(value).as(key + " left by an earlier test").isEqualTo(false);
            }
        });
    }
}
