package dev.switchboard.agentic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.stream.StreamedReply;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Reasoning and prompt caching through the gateway: {@code reasoning_effort} becomes Anthropic's
 * extended thinking, thinking comes back as {@code reasoning_content} and signed
 * {@code thinking_blocks} (whole and streamed) and goes back to Anthropic unchanged; cache hints become
 * {@code cache_control}, and cache reads and writes are reported in the usage and billed at their prices.
 */
@QuarkusTest
class ReasoningAndCachingTest extends GatewayTestBase {

    private static final String ASK = "{\"model\":\"claude-sonnet\",\"fallbacks\":[],\"reasoning_effort\":\"medium\","
            + "\"max_tokens\":1000,\"messages\":[{\"role\":\"system\",\"content\":\"Long rules\",\"cache_control\":"
            + "{\"type\":\"ephemeral\"}},{\"role\":\"user\",\"content\":\"34 * 212?\"}]}";

    @Test
    void thinkingAndCacheUsageComeBackInOpenAisShapeAndAreBilled() throws Exception {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/messages-response-thinking-cached.json")));

        caller().body(ASK).post("/v1/chat/completions").then()
                .statusCode(200)
                .body("choices[0].message.content", equalTo("34 * 212 = 7,208"))
                .body("choices[0].message.reasoning_content", equalTo("34 * 212: 34 * 200 = 6,800 and 34 * 12 = 408, so 7,208."))
                .body("choices[0].message.thinking_blocks", hasSize(2))
                .body("choices[0].message.thinking_blocks[0].signature", equalTo("EqQBCgIYAhIMx3Rk9bLw2PvQ8nZsGgyT5mJc0Hq4WdA1"))
                .body("choices[0].message.thinking_blocks[1].type", equalTo("redacted_thinking"))
                .body("usage.prompt_tokens", equalTo(12040))
                .body("usage.prompt_tokens_details.cached_tokens", equalTo(10000))
                .body("usage.prompt_tokens_details.cache_write_tokens", equalTo(2000))
                // 40 plain at $3, 10,000 read at $0.30, 2,000 written at $3.75, 180 out at $15 per million.
                .header("x-switchboard-cost-usd", "0.01332");

        JsonNode sent = Fixtures.JSON.readTree(calls(ANTHROPIC_MESSAGES).get(0).getBodyAsString());
        assertThat(sent.path("thinking").toString()).isEqualTo("{\"type\":\"enabled\",\"budget_tokens\":2048}");
        assertThat(sent.path("system").get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        assertThat(sent.has("temperature")).isFalse();
    }

    @Test
    void signedThinkingBlocksGoBackToAnthropicUnchanged() throws Exception {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/messages-response.json")));
        String conversation = ASK.replace("\"content\":\"34 * 212?\"}]", "\"content\":\"34 * 212?\"},"
                + "{\"role\":\"assistant\",\"content\":\"7,208\",\"thinking_blocks\":[{\"type\":\"thinking\",\"thinking\":\"t\","
                + "\"signature\":\"EqQBsig\"},{\"type\":\"redacted_thinking\",\"data\":\"EmwKred\"}]},"
                + "{\"role\":\"user\",\"content\":\"And 35 * 212?\"}]");

        caller().body(conversation).post("/v1/chat/completions").then().statusCode(200);

        JsonNode assistant = Fixtures.JSON.readTree(calls(ANTHROPIC_MESSAGES).get(0).getBodyAsString()).path("messages").get(1);
        assertThat(assistant.path("content").toString()).isEqualTo("[{\"type\":\"thinking\",\"thinking\":\"t\","
                + "\"signature\":\"EqQBsig\"},{\"type\":\"redacted_thinking\",\"data\":\"EmwKred\"},{\"type\":\"text\",\"text\":\"7,208\"}]");
    }

    @Test
    void streamedThinkingIsReasoningContentThenTheSignedBlock() {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(Fixtures.text("anthropic/stream-extended-thinking.sse")));

        StreamedReply reply = StreamedReply.post(ASK.replace("\"fallbacks\":[]", "\"fallbacks\":[],\"stream\":true"));

        List<JsonNode> deltas = reply.chunks().stream().map(chunk -> chunk.path("choices").path(0).path("delta")).toList();
        String reasoning = deltas.stream().map(delta -> delta.path("reasoning_content").asText(""))
                .collect(Collectors.joining());
        assertThat(reasoning).startsWith("Work it out in parts:").endsWith("6,800 + 408 = 7,208");
        JsonNode block = deltas.stream().filter(delta -> delta.has("thinking_blocks")).findFirst().orElseThrow()
                .path("thinking_blocks").get(0);
        assertThat(block.path("thinking").asText()).isEqualTo(reasoning);
        assertThat(block.path("signature").asText()).isEqualTo("EqQBCgIYAhIMx3Rk9bLw2PvQ8nZsGgyT5mJc0Hq4WdA1...");
        assertThat(reply.content()).isEqualTo("34 * 212 = 7,208");
        assertThat(reply.finishReasons()).containsExactly("stop");
    }
}
