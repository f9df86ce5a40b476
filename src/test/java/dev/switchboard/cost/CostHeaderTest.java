package dev.switchboard.cost;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A whole answer says what it cost in {@code x-switchboard-cost-usd}: the answering call's usage at its
 * route's configured prices. Failed attempts before it are not billed (F16).
 */
@QuarkusTest
class CostHeaderTest extends GatewayTestBase {

    @Test
    void theAnswerCostsItsUsageAtItsRoutesPrices() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o"));

        // 19 input tokens at $2.50/M + 10 output tokens at $10/M
        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(200)
                .header("x-switchboard-cost-usd", "0.0001475");
    }

    @Test
    void failedAttemptsAreNotBilled() {
        stub(post(urlPathEqualTo(OPENAI_CHAT)).withRequestBody(containing("\"model\":\"gpt-4o\""))
                .willReturn(openAiError(500, "error-server.json")));
        stub(post(urlPathEqualTo(OPENAI_CHAT)).withRequestBody(containing("\"model\":\"gpt-4o-mini\""))
                .willReturn(openAiAnswer("gpt-4o-mini")));

        var response = caller().body(chat("gpt-4o", "gpt-4o-mini")).post("/v1/chat/completions");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("x-switchboard-route")).isEqualTo("gpt-4o-mini");
        assertThat(Integer.parseInt(response.header("x-switchboard-attempts"))).isGreaterThan(1);
        // Only gpt-4o-mini's answer: 19 at $0.15/M + 10 at $0.60/M.
        assertThat(response.header("x-switchboard-cost-usd")).isEqualTo("0.00000885");
    }

    @Test
    void anAdHocRouteHasNoPriceAndCostsNothing() {
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));

        caller().body(chatOnly("openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then().statusCode(200)
                .header("x-switchboard-cost-usd", "0");
    }
}
