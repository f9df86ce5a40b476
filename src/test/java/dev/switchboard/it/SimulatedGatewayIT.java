package dev.switchboard.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * A fresh machine: no provider key at all. The packaged gateway starts with simulated providers,
 * says so, answers through them, and fails over when one is told to fail. The OpenAI-compatible
 * provider alone is configured, at a loopback port nothing listens on, to show a refused connection (F5).
 */
class SimulatedGatewayIT {

    private static PackagedApp app;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        app = PackagedApp.start("quarkus.rest-client.openai-compatible.url=http://127.0.0.1:1/v1");
        base = app.baseUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    private static String ask(String model) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello gateway\"}]}";
    }

    @Test
    void saysInTheLogThatProvidersAreSimulated() {
        assertThat(app.output()).contains("Provider anthropic is SIMULATED").contains("Provider openai is SIMULATED")
                .contains("Provider openai-compatible at http://127.0.0.1:1/v1");
    }

    @Test
    void aRefusedConnectionIsRetriedOnceThenFailedOver() {
        given().baseUri(base).contentType(ContentType.JSON)
                .body(ask("openai-compatible/llama-3.1-8b").replace("}]", "}],\"fallbacks\":[\"gpt-4o-mini\"]"))
                .post("/v1/chat/completions").then().statusCode(200)
                .header("x-switchboard-route", "gpt-4o-mini")
                .header("x-switchboard-attempts", "3");
        assertThat(app.output()).contains("failed: connection_failed connection refused");
    }

    @Test
    void labelsModelsAsSimulated() {
        // Every route is on a simulated provider; "auto" is Switchboard's own choice among them.
        given().baseUri(base).get("/v1/models").then().statusCode(200)
                .body("data.findAll { it.id != 'auto' }.switchboard.simulated", everyItem(equalTo(true)))
                .body("data.findAll { it.id != 'auto' }.owned_by", everyItem(startsWith("switchboard-simulated:")))
                .body("data.findAll { it.id != 'auto' }", hasSize(4))
                .body("data.find { it.id == 'auto' }.owned_by", equalTo("switchboard"));
    }

    @Test
    void answersEveryProviderThroughItsSimulator() {
        for (String route : new String[] { "claude-sonnet", "gpt-4o", "gemini-flash" }) {
            given().baseUri(base).contentType(ContentType.JSON).body(ask(route).replace("}]", "}],\"fallbacks\":[]"))
                    .post("/v1/chat/completions").then().statusCode(200)
                    .header("x-switchboard-route", route)
                    .header("x-switchboard-simulated", "true")
                    .body("system_fingerprint", equalTo("switchboard-simulated"))
                    .body("choices[0].message.content", startsWith("[simulated "));
        }
    }

    @Test
    void probesAndTheAdminStatusAnswerInThePackagedApp() {
        for (String probe : new String[] { "live", "ready", "started", "well" }) {
            given().baseUri(base).get("/q/health/" + probe).then().statusCode(200).body("status", equalTo("UP"));
        }
        given().baseUri(base).get("/q/health/ready").then()
                .body("checks.find { it.name == 'gateway-ready' }.data.http", equalTo("started"));
        given().baseUri(base).get("/admin/status").then().statusCode(200)
                .body("providers.find { it.name == 'anthropic' }.simulated", equalTo(true))
                .body("providers.find { it.name == 'openai-compatible' }.simulated", equalTo(false));
    }

    @Test
    void failsOverWhenASimulatedProviderIsToldToFail() {
        given().baseUri(base).contentType(ContentType.JSON).body("{\"status\":529}")
                .put("/simulated/anthropic/fault").then().statusCode(200);
        try {
            given().baseUri(base).contentType(ContentType.JSON).body(ask("claude-sonnet"))
                    .post("/v1/chat/completions").then().statusCode(200)
                    .header("x-switchboard-route", "gpt-4o")
                    .header("x-switchboard-attempts", "3");
        } finally {
            given().baseUri(base).delete("/simulated/anthropic/fault").then().statusCode(200);
        }
    }
}
