package dev.switchboard.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each provider end to end through the gateway: the request arrives upstream in the provider's own
 * format with its own key header, and the answer comes back as an OpenAI chat completion.
 */
@QuarkusTest
class ProvidersThroughGatewayTest extends GatewayTestBase {

    private static final String CONVERSATION = "{\"model\":\"%s\",\"fallbacks\":[],\"max_tokens\":300,\"stop\":\"END\","
            + "\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi\"},"
            + "{\"role\":\"assistant\",\"content\":\"Hello.\"},{\"role\":\"user\",\"content\":\"Who are you?\"}]}";

    private static ResponseDefinitionBuilder fixture(String path) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(Fixtures.text(path));
    }

    @Test
    void anthropicSpeaksTheMessagesApi() throws Exception {
        stub(ANTHROPIC_MESSAGES, fixture("anthropic/messages-response.json"));

        caller().body(CONVERSATION.formatted("claude-sonnet")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "claude-sonnet")
                .body("model", equalTo("claude-sonnet-4-5-20250929"))
                .body("choices[0].message.content", equalTo("Hi! My name is Claude."))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.prompt_tokens", equalTo(2095))
                .body("usage.completion_tokens", equalTo(503));

        LoggedRequest upstream = calls(ANTHROPIC_MESSAGES).get(0);
        assertThat(upstream.getHeader("x-api-key")).isEqualTo(ProviderEmulator.ANTHROPIC_KEY);
        assertThat(upstream.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(upstream.containsHeader("Authorization")).isFalse();
        JsonNode body = Fixtures.JSON.readTree(upstream.getBodyAsString());
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("system").asText()).isEqualTo("Be brief.");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(300);
        assertThat(body.path("stop_sequences").get(0).asText()).isEqualTo("END");
        assertThat(body.path("messages")).hasSize(3);
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("assistant");
    }

    @Test
    void geminiSpeaksGenerateContent() throws Exception {
        stub(geminiPath("gemini-2.5-flash"), fixture("gemini/generate-content-response.json"));

        caller().body(CONVERSATION.formatted("gemini-flash")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "gemini-flash")
                .body("model", equalTo("gemini-2.5-flash"))
                .body("choices[0].message.content", equalTo("AI learns patterns from data and uses them to make predictions."))
                .body("usage.prompt_tokens", equalTo(8))
                .body("usage.completion_tokens", equalTo(1002));

        LoggedRequest upstream = calls(geminiPath("gemini-2.5-flash")).get(0);
        assertThat(upstream.getHeader("x-goog-api-key")).isEqualTo(ProviderEmulator.GEMINI_KEY);
        assertThat(upstream.getUrl()).doesNotContain(ProviderEmulator.GEMINI_KEY);
        JsonNode body = Fixtures.JSON.readTree(upstream.getBodyAsString());
        assertThat(body.at("/systemInstruction/parts/0/text").asText()).isEqualTo("Be brief.");
        assertThat(body.at("/contents/1/role").asText()).isEqualTo("model");
        assertThat(body.at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(300);
        assertThat(body.at("/generationConfig/stopSequences/0").asText()).isEqualTo("END");
    }

    @Test
    void anthropicOverloadedOnceIsRetried() {
        stub(post(urlPathEqualTo(ANTHROPIC_MESSAGES)).inScenario("529").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(529).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.text("anthropic/error-overloaded.json")))
                .willSetStateTo("ok"));
        stub(post(urlPathEqualTo(ANTHROPIC_MESSAGES)).inScenario("529").whenScenarioStateIs("ok")
                .willReturn(fixture("anthropic/messages-response.json")));

        caller().body(chat("claude-sonnet")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "claude-sonnet").header("x-switchboard-attempts", "2");
        assertThat(gapsMs(calls(ANTHROPIC_MESSAGES))).allMatch(gap -> gap >= 125);
    }

    @Test
    void theDefaultChainIsTriedInOrder() {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(529).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/error-overloaded.json")));
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));

        caller().body(chat("claude-sonnet")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "gpt-4o").header("x-switchboard-attempts", "3")
                .body("model", equalTo("gpt-4o-2024-08-06"));
    }

    @Test
    void aContextOverflowMovesToTheLargerClaudeWindow() {
        stub(OPENAI_CHAT, openAiError(400, "error-context-length.json"));
        stub(ANTHROPIC_MESSAGES, fixture("anthropic/messages-response.json"));

        // gpt-4o's chain is gpt-4o, claude-sonnet (200k), gpt-4o-mini (128k, the same window: skipped).
        caller().body(chat("gpt-4o")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "claude-sonnet").header("x-switchboard-attempts", "2");
        assertThat(calls(OPENAI_CHAT)).hasSize(1);
    }

    @Test
    void aParameterAnthropicCannotHonourSkipsIt() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));

        caller().body("{\"model\":\"claude-sonnet\",\"logit_bias\":{\"50256\":-100},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "gpt-4o").header("x-switchboard-attempts", "1");

        assertThat(calls(ANTHROPIC_MESSAGES)).isEmpty();
        assertThat(calls(OPENAI_CHAT).get(0).getBodyAsString()).contains("\"logit_bias\"");
    }

    @Test
    void aParameterNoRouteCanHonourIsA400NamingIt() {
        caller().body("{\"model\":\"claude-sonnet\",\"fallbacks\":[\"gemini-flash\"],\"logit_bias\":{\"1\":1},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").post("/v1/chat/completions").then()
                .statusCode(400).body("error.code", equalTo("unsupported_parameter"))
                .body("error.message", org.hamcrest.Matchers.containsString("logit_bias"));
        assertThat(totalCalls()).isZero();
    }
}
