package dev.switchboard.failure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** F5: the connection dies before any response byte: retry once, then fail over; the caller gets an answer. */
@QuarkusTest
class ConnectionFailureTest extends GatewayTestBase {

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE" })
    void retriesOnceThenFailsOver(Fault fault) {
        stub(OPENAI_CHAT, aResponse().withFault(fault));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));

        caller().body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "openai-compatible/llama-3.1-8b");

        assertThat(calls(OPENAI_CHAT)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE" })
    void aSingleDroppedConnectionIsRetriedOnTheSameRoute(Fault fault) {
        stub(post(urlPathEqualTo(OPENAI_CHAT)).inScenario("drop").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(fault)).willSetStateTo("up"));
        stub(post(urlPathEqualTo(OPENAI_CHAT)).inScenario("drop").whenScenarioStateIs("up")
                .willReturn(openAiAnswer("gpt-4o-2024-08-06")));

        caller().body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "gpt-4o").header("x-switchboard-attempts", "2");

        assertThat(calls(COMPATIBLE_CHAT)).isEmpty();
    }
}
