package dev.switchboard.agentic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code logprobs} and {@code top_logprobs} go to OpenAI-format providers and their answer's
 * log probabilities come back unchanged; routes that cannot give them are skipped without a call.
 */
@QuarkusTest
class LogprobsTest extends GatewayTestBase {

    private static final String ASKING = "{\"model\":\"claude-sonnet\",\"fallbacks\":[\"gpt-4o\"],\"logprobs\":true,"
            + "\"top_logprobs\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Is water wet? One word.\"}]}";

    @Test
    void logProbabilitiesComeFromAnOpenAiRouteAndOthersAreSkipped() throws Exception {
        stub(OPENAI_CHAT, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("openai/chat-completion-logprobs.json")));

        caller().body(ASKING).post("/v1/chat/completions").then()
                .statusCode(200)
                .header("x-switchboard-route", "gpt-4o")
                .header("x-switchboard-attempts", "1")
                .body("choices[0].logprobs.content", hasSize(2))
                .body("choices[0].logprobs.content[0].token", equalTo("Yes"))
                .body("choices[0].logprobs.content[0].top_logprobs[1].token", equalTo("No"));

        assertThat(calls(ANTHROPIC_MESSAGES)).isEmpty();
        JsonNode sent = Fixtures.JSON.readTree(calls(OPENAI_CHAT).get(0).getBodyAsString());
        assertThat(sent.path("logprobs").asBoolean()).isTrue();
        assertThat(sent.path("top_logprobs").asInt()).isEqualTo(2);
    }

    @Test
    void withNoRouteThatCanGiveThemTheCallerGetsA400NamingTheParameter() {
        caller().body(ASKING.replace("[\"gpt-4o\"]", "[]")).post("/v1/chat/completions").then()
                .statusCode(400)
                .body("error.code", equalTo("unsupported_parameter"))
                .body("error.message", containsString("logprobs"));
        assertThat(totalCalls()).isZero();
    }

    @Test
    void anAnswerNotAskedForThemHasNullLogprobs() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));

        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then()
                .statusCode(200).body("choices[0]", org.hamcrest.Matchers.hasKey("logprobs"))
                .body("choices[0].logprobs", org.hamcrest.Matchers.nullValue());
    }
}
