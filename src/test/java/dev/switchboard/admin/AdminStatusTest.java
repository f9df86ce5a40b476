package dev.switchboard.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** {@code GET /admin/status} reports what traffic taught the gateway, route by route and provider by provider. */
@QuarkusTest
class AdminStatusTest extends GatewayTestBase {

    @Test
    void countsSuccessesAndMeasuresLatency() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o").withFixedDelay(40));

        for (int i = 0; i < 4; i++) {
            caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(200);
        }

        JsonPath route = route("gpt-4o");
        assertThat(route.getString("provider")).isEqualTo("openai");
        assertThat(route.getString("model")).isEqualTo("gpt-4o");
        assertThat(route.getBoolean("ad_hoc")).isFalse();
        assertThat(route.getBoolean("healthy")).isTrue();
        assertThat(route.getBoolean("available")).isTrue();
        assertThat(route.getString("circuit")).isEqualTo("closed");
        assertThat(route.getString("breaker")).isEqualTo("closed");
        assertThat(route.getInt("success_count")).isEqualTo(4);
        assertThat(route.getInt("failure_count")).isZero();
        assertThat(route.getInt("error_count")).isZero();
        assertThat(route.getInt("latency.samples")).isEqualTo(4);
        double average = route.getDouble("latency.avg_ms");
        double p95 = route.getDouble("latency.p95_ms");
        assertThat(average).isGreaterThanOrEqualTo(40.0);
        assertThat(p95).as("p95 of four samples is the slowest").isGreaterThanOrEqualTo(average);
        assertThat(route.getString("time_to_first_token")).as("no stream yet").isNull();
        assertThat(route.getInt("cooldown_remaining_s")).isZero();
        assertThat(route.getString("unavailable_reason")).isNull();
        assertThat(route.getString("last_failure")).isNull();
    }

    @Test
    void eachSuccessForgivesAnError() {
        emulator.stubFor(post(urlPathEqualTo(OPENAI_CHAT)).inScenario("blip").whenScenarioStateIs(STARTED)
                .willReturn(openAiError(503, "error-overloaded.json")).willSetStateTo("recovered"));
        emulator.stubFor(post(urlPathEqualTo(OPENAI_CHAT)).inScenario("blip").whenScenarioStateIs("recovered")
                .willReturn(openAiAnswer("gpt-4o")));

        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(200);

        JsonPath route = route("gpt-4o");
        assertThat(route.getInt("failure_count")).isEqualTo(1);
        assertThat(route.getInt("success_count")).isEqualTo(1);
        assertThat(route.getInt("error_count")).as("decayed by the success").isZero();
        assertThat(route.getBoolean("healthy")).isTrue();
        assertThat(route.getString("last_failure.kind")).isEqualTo("server_error");
        assertThat(route.getInt("last_failure.status")).isEqualTo(503);
    }

    @Test
    void aFailingRouteShowsItsOpenCircuitCooldownAndLastFailure() {
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));
        Instant before = Instant.now();

        for (int i = 0; i < 3 && !route("gpt-4o").getString("circuit").equals("open"); i++) {
            caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(502);
        }

        JsonPath route = route("gpt-4o");
        assertThat(route.getString("circuit")).isEqualTo("open");
        assertThat(route.getBoolean("healthy")).isFalse();
        assertThat(route.getBoolean("available")).isFalse();
        assertThat(route.getInt("error_count")).isEqualTo(3);
        assertThat(route.getInt("failure_count")).isEqualTo(3);
        assertThat(route.getInt("success_count")).isZero();
        assertThat(route.getInt("cooldown_remaining_s")).as("the 60 s cooldown, just begun").isBetween(55, 60);
        assertThat(route.getString("unavailable_reason")).contains("circuit open");
        assertThat(route.getString("last_failure.kind")).isEqualTo("server_error");
        assertThat(route.getInt("last_failure.status")).isEqualTo(500);
        assertThat(route.getString("last_failure.detail")).contains("The server had an error");
        assertThat(Instant.parse(route.getString("last_failure.at"))).isBetween(before, Instant.now());
        assertThat(route.getString("latency")).as("no success to time").isNull();
        assertThat(route("gpt-4o-mini").getString("circuit")).as("routes keep their own circuits").isEqualTo("closed");
    }

    @Test
    void aTimeoutHasNoUpstreamStatus() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o").withFixedDelay(1_500));

        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(greaterThanOrEqualTo(500));

        JsonPath route = route("gpt-4o");
        assertThat(route.getString("last_failure.kind")).isEqualTo("timeout");
        assertThat(route.getString("last_failure.status")).isNull();
    }

    @Test
    void callerNamedRoutesAreListedAfterTheConfiguredOnes() {
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));

        caller().body(chat("openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then().statusCode(200);

        JsonPath status = status();
        assertThat(status.getList("routes.name")).containsExactly("claude-sonnet", "gemini-flash", "gpt-4o",
                "gpt-4o-mini", "openai-compatible/llama-3.1-8b");
        assertThat(status.getBoolean("routes[4].ad_hoc")).isTrue();
        assertThat(status.getString("routes[4].model")).isEqualTo("llama-3.1-8b");
        assertThat(status.getInt("routes[4].success_count")).isEqualTo(1);
        assertThat(status.getList("default_chain")).containsExactly("claude-sonnet", "gpt-4o", "gpt-4o-mini");
    }

    @Test
    void listsEveryProviderWithItsBreakerProbeAndKeyState() {
        stub(OPENAI_CHAT, openAiError(401, "error-invalid-api-key.json"));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));

        caller().body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(200);

        JsonPath status = status();
        assertThat(status.getList("providers.name")).containsExactly("openai", "anthropic", "gemini",
                "openai-compatible");
        Map<String, Object> openai = status.getMap("providers[0]");
        assertThat(openai).containsEntry("simulated", false).containsEntry("breaker", "closed")
                .containsEntry("key_rejected", true);
        assertThat(status.getBoolean("providers[1].key_rejected")).isFalse();
        assertThat(status.getString("providers[1].probe.state")).isEqualTo("not_probed");
        assertThat(status.getInt("providers[1].probe.consecutive_failures")).isZero();
        assertThat(status.getString("providers[1].probe.last_probe_at")).isNull();
        assertThat(route("gpt-4o").getString("unavailable_reason")).contains("key was rejected");
        assertThat(route("gpt-4o").getString("last_failure.kind")).isEqualTo("auth_rejected");
    }

    @Test
    void carriesNoSecretEvenWhenAProviderEchoesOne() {
        stub(OPENAI_CHAT, aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Upstream saw keys " + ProviderEmulator.OPENAI_KEY + " and "
                        + ProviderEmulator.GATEWAY_KEY + "\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"));
        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(502);

        String body = given().get("/admin/status").then().statusCode(200).extract().asString();

        assertThat(route("gpt-4o").getString("last_failure.detail")).contains("Upstream saw keys [redacted]");
        for (String secret : List.of(ProviderEmulator.OPENAI_KEY, ProviderEmulator.ANTHROPIC_KEY,
                ProviderEmulator.GEMINI_KEY, ProviderEmulator.COMPATIBLE_KEY, ProviderEmulator.GATEWAY_KEY)) {
            assertThat(body).doesNotContain(secret);
        }
    }

    private static JsonPath status() {
        return given().get("/admin/status").then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    private static JsonPath route(String name) {
        return new JsonPath(status().prettify()).setRootPath("routes.find { it.name == '" + name + "' }");
    }
}
