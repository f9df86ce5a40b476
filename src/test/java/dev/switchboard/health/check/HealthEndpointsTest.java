package dev.switchboard.health.check;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** Each probe answers without a key, under its own name, with flat data; a healthy gateway is up everywhere. */
@QuarkusTest
class HealthEndpointsTest extends GatewayTestBase {

    @Test
    void livenessIsTheProcessAnswering() {
        given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", contains(LivenessHealthCheck.NAME))
                .body("checks[0].status", equalTo("UP"))
                .body("checks[0].data", nullValue());
    }

    /** Quarkus' own readiness check, which turns DOWN on SIGTERM (graceful shutdown, see GracefulShutdownIT). */
    static final String GRACEFUL_SHUTDOWN = "Graceful Shutdown";

    @Test
    void readinessReportsTheGatewaysOwnState() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", containsInAnyOrder(ReadinessHealthCheck.NAME, GRACEFUL_SHUTDOWN))
                .body("checks.find { it.name == '" + GRACEFUL_SHUTDOWN + "' }.status", equalTo("UP"))
                .body(READY + ".data.configuration", equalTo("validated"))
                .body(READY + ".data.routes", equalTo(4))
                .body(READY + ".data.default_chain", equalTo("claude-sonnet,gpt-4o,gpt-4o-mini"))
                .body(READY + ".data.http", equalTo("started"));
    }

    private static final String READY = "checks.find { it.name == '" + ReadinessHealthCheck.NAME + "' }";

    @Test
    void startupIsUpOnceTheConfigurationPassed() {
        given().get("/q/health/started").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", contains(StartupHealthCheck.NAME))
                .body("checks[0].data.configuration", equalTo("validated"))
                .body("checks[0].data.routes", equalTo(4));
    }

    @Test
    void wellnessListsEveryProviderAndConfiguredRoute() {
        caller().body(chat("openai-compatible/llama-3.1-8b")).post("/v1/chat/completions");

        given().get("/q/health/well").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", contains(RoutingWellnessHealthCheck.NAME))
                .body("checks[0].data.default_chain", equalTo("claude-sonnet,gpt-4o,gpt-4o-mini"))
                .body("checks[0].data.default_chain_available", equalTo(3))
                .body("checks[0].data", hasKey("provider.openai.breaker"))
                .body("checks[0].data.'provider.openai.breaker'", equalTo("closed"))
                .body("checks[0].data.'provider.anthropic.probe'", equalTo("not_probed"))
                .body("checks[0].data.'provider.gemini.key_rejected'", equalTo(false))
                .body("checks[0].data.'provider.openai-compatible.simulated'", equalTo(false))
                .body("checks[0].data.'route.gpt-4o.available'", equalTo(true))
                .body("checks[0].data.'route.claude-sonnet.circuit'", equalTo("closed"))
                .body("checks[0].data.'route.gemini-flash.available'", equalTo(true))
                .body("checks[0].data", not(hasKey("route.openai-compatible/llama-3.1-8b.available")));
    }

    @Test
    void theAggregateIncludesEveryGroup() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", containsInAnyOrder(LivenessHealthCheck.NAME, ReadinessHealthCheck.NAME,
                        GRACEFUL_SHUTDOWN, StartupHealthCheck.NAME, RoutingWellnessHealthCheck.NAME));
    }
}
