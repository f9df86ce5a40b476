package dev.switchboard.failure;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** F3: a transient 5xx is retried once on the same route after a short jittered backoff, and succeeds. */
@QuarkusTest
class ServerErrorOnceTest extends GatewayTestBase {

    @ParameterizedTest
    @ValueSource(ints = { 500, 502, 503, 504 })
    void retriesTheSameRouteOnce(int status) {
        stub(post(urlPathEqualTo(OPENAI_CHAT)).inScenario("blip").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(openAiError(status, "error-server.json")).willSetStateTo("fine"));
        stub(post(urlPathEqualTo(OPENAI_CHAT)).inScenario("blip").whenScenarioStateIs("fine")
                .willReturn(openAiAnswer("gpt-4o-2024-08-06")));

        caller().body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "gpt-4o").header("x-switchboard-attempts", "2")
                .body("model", equalTo("gpt-4o-2024-08-06"));

        assertThat(calls(OPENAI_CHAT)).hasSize(2);
        assertThat(gapsMs(calls(OPENAI_CHAT))).as("jittered 50-100% of 250 ms").allMatch(gap -> gap >= 125);
        assertThat(calls(COMPATIBLE_CHAT)).isEmpty();
    }
}
