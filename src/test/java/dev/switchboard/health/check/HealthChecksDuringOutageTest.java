package dev.switchboard.health.check;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Provider outages show in wellness and nowhere Kubernetes acts on: liveness and readiness stay up
 * while every provider fails, and wellness goes down only when the whole default chain is out.
 */
@QuarkusTest
class HealthChecksDuringOutageTest extends GatewayTestBase {

    /** Enough requests for every route's circuit (3 errors) or its provider's breaker (5 calls) to open. */
    private static final int MAX_REQUESTS = 6;

    @Test
    void livenessAndReadinessStayUpWhileEveryProviderFails() {
        stub(ANTHROPIC_MESSAGES, anthropicServerError());
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));

        int requests = 0;
        while (wellness().getString("status").equals("UP") && requests < MAX_REQUESTS) {
            caller().body(chat("claude-sonnet")).post("/v1/chat/completions").then().statusCode(502);
            requests++;
        }

        given().get("/q/health/well").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].data.default_chain_available", equalTo(0))
                .body("checks[0].data.'route.claude-sonnet.available'", equalTo(false))
                .body("checks[0].data.'route.claude-sonnet.circuit'", equalTo("open"))
                .body("checks[0].data.'route.gpt-4o.available'", equalTo(false))
                .body("checks[0].data.'route.gpt-4o-mini.available'", equalTo(false))
                .body("checks[0].data.'route.gemini-flash.available'", equalTo(true));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        // The aggregate includes wellness: the reason Kubernetes must never be pointed at /q/health.
        given().get("/q/health").then().statusCode(503);
    }

    @Test
    void oneRouteOutOfTheChainLeavesWellnessUp() {
        stub(ANTHROPIC_MESSAGES, anthropicServerError());
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o"));

        for (int i = 0; i < MAX_REQUESTS && wellness().getBoolean("checks[0].data.'route.claude-sonnet.available'"); i++) {
            caller().body(chat("claude-sonnet")).post("/v1/chat/completions").then().statusCode(200);
        }

        JsonPath wellness = wellness();
        assertThat(wellness.getBoolean("checks[0].data.'route.claude-sonnet.available'")).isFalse();
        assertThat(wellness.getString("status")).isEqualTo("UP");
        assertThat(wellness.getInt("checks[0].data.default_chain_available")).isEqualTo(2);
        assertThat(wellness.getString("checks[0].data.'provider.openai.breaker'")).isEqualTo("closed");
    }

    private static JsonPath wellness() {
        return given().get("/q/health/well").then().extract().jsonPath();
    }

    private static ResponseDefinitionBuilder anthropicServerError() {
        return aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/error-api.json"));
    }
}
