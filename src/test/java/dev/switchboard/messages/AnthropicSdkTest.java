package dev.switchboard.messages;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageTokensCount;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.switchboard.support.AnthropicSdk;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The official Anthropic Java SDK pointed at Switchboard ({@code ANTHROPIC_BASE_URL}) and otherwise
 * unchanged: a message, a stream, a tool round trip, and answers from OpenAI and Gemini after
 * Anthropic failed, all read by the SDK as Anthropic's own.
 */
@QuarkusTest
class AnthropicSdkTest extends GatewayTestBase {

    static final Tool WEATHER = Tool.builder().name("get_weather").description("Current weather in a city")
            .inputSchema(Tool.InputSchema.builder()
                    .properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
                    .required(List.of("city")).build())
            .build();

    @TestHTTPResource("/")
    URL gateway;

    private static ResponseDefinitionBuilder json(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(Fixtures.text(fixture));
    }

    private static ResponseDefinitionBuilder sse(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(Fixtures.text(fixture));
    }

    private static MessageCreateParams hello(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(1024).system("Be brief.")
                .addUserMessage("Hello").build();
    }

    @Test
    void aMessageIsAnsweredByAnthropicUnchanged() throws Exception {
        stub(ANTHROPIC_MESSAGES, json("anthropic/messages-response.json"));

        Message message = AnthropicSdk.client(gateway).messages().create(hello("claude-sonnet"));

        assertThat(message.id()).isEqualTo("msg_013Zva2CMHLNnXjNJJKqJ2EF");
        assertThat(message.content()).hasSize(1);
        assertThat(message.content().get(0).asText().text()).isEqualTo("Hi! My name is Claude.");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().inputTokens()).isEqualTo(2095);
        assertThat(message.usage().outputTokens()).isEqualTo(503);
        JsonNode sent = Fixtures.JSON.readTree(calls(ANTHROPIC_MESSAGES).get(0).getBodyAsString());
        assertThat(sent.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(sent.path("system").asText()).isEqualTo("Be brief.");
        assertThat(sent.path("messages").get(0).path("content").toString()).contains("Hello");
        // The gateway's key never goes upstream; the provider's own key does.
        assertThat(calls(ANTHROPIC_MESSAGES).get(0).getHeader("x-api-key")).isNotEqualTo(
                dev.switchboard.support.ProviderEmulator.GATEWAY_KEY);
    }

    @Test
    void aStreamIsReassembledByTheSdksAccumulator() {
        stub(ANTHROPIC_MESSAGES, sse("anthropic/stream-tool-use.sse"));

        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = AnthropicSdk.client(gateway).messages()
                .createStreaming(MessageCreateParams.builder().model("claude-sonnet").maxTokens(1024)
                        .addTool(WEATHER).addUserMessage("Weather in Lisbon?").build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();

        assertThat(message.content().get(0).asText().text()).isEqualTo("Let me look up the weather in Lisbon.");
        ToolUseBlock call = message.content().get(1).asToolUse();
        assertThat(call.id()).isEqualTo("toolu_01Fz8QwN3kVb6YtRm2Xc9JsD");
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call._input().convert(Map.class)).containsEntry("city", "Lisbon");
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(message.usage().outputTokens()).isPositive();
    }

    @Test
    void aToolRoundTripKeepsIdsAndSendsResultsAsToolResultBlocks() throws Exception {
        stub(ANTHROPIC_MESSAGES, json("anthropic/messages-response-parallel-tool-use.json"));
        var client = AnthropicSdk.client(gateway);
        MessageCreateParams ask = MessageCreateParams.builder().model("claude-sonnet").maxTokens(1024).addTool(WEATHER)
                .addUserMessage("Weather in Lisbon and Porto?").build();

        Message calling = client.messages().create(ask);

        assertThat(calling.stopReason()).contains(StopReason.TOOL_USE);
        List<ToolUseBlock> calls = calling.content().stream().filter(ContentBlock::isToolUse)
                .map(ContentBlock::asToolUse).toList();
        assertThat(calls).extracting(ToolUseBlock::id)
                .containsExactly("toolu_01A09q90qw90lq917835lq9", "toolu_01B19r91rx91mr928946mr0");

        emulator.resetAll();
        stub(ANTHROPIC_MESSAGES, json("anthropic/messages-response.json"));
        Message answer = client.messages().create(ask.toBuilder().addMessage(calling)
                .addUserMessageOfContentBlockParams(calls.stream().map(call -> ContentBlockParam.ofToolResult(
                        ToolResultBlockParam.builder().toolUseId(call.id()).content("18C, sunny").build())).toList())
                .build());

        assertThat(answer.content().get(0).asText().text()).isEqualTo("Hi! My name is Claude.");
        JsonNode messages = Fixtures.JSON.readTree(calls(ANTHROPIC_MESSAGES).get(0).getBodyAsString()).path("messages");
        assertThat(messages).hasSize(3);
        JsonNode uses = messages.get(1).path("content");
        assertThat(uses.findValuesAsText("type")).contains("tool_use");
        assertThat(messages.get(1).toString()).contains("toolu_01A09q90qw90lq917835lq9", "toolu_01B19r91rx91mr928946mr0");
        JsonNode results = messages.get(2).path("content");
        assertThat(results.get(0).path("type").asText()).isEqualTo("tool_result");
        assertThat(results.get(0).path("tool_use_id").asText()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(results.get(1).path("tool_use_id").asText()).isEqualTo("toolu_01B19r91rx91mr928946mr0");
    }

    @Test
    void aMessageAnthropicCouldNotAnswerIsAnsweredByOpenAiInMessagesFormat() throws Exception {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(529).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/error-overloaded.json")));
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));

        var response = AnthropicSdk.client(gateway).messages().withRawResponse()
                .create(hello("claude-sonnet").toBuilder().putAdditionalBodyProperty("fallbacks",
                        JsonValue.from(List.of("gpt-4o"))).build());
        Message message = response.parse();

        assertThat(response.headers().values("X-Switchboard-Route")).containsExactly("gpt-4o");
        assertThat(message.model().asString()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(message.content().get(0).asText().text()).isEqualTo("Hello! How can I assist you today?");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.id()).startsWith("msg_");
        JsonNode sent = Fixtures.JSON.readTree(calls(OPENAI_CHAT).get(0).getBodyAsString());
        assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(sent.path("messages").get(0).path("content").asText()).isEqualTo("Be brief.");
        assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(1024);
    }

    @Test
    void aStreamedToolCallFromOpenAiArrivesAsToolUseBlocksAfterAnthropicFailed() {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(529).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/error-overloaded.json")));
        stub(OPENAI_CHAT, sse("openai/chat-completion-stream-tool-calls.sse"));

        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = AnthropicSdk.client(gateway).messages()
                .createStreaming(MessageCreateParams.builder().model("claude-sonnet").maxTokens(1024).addTool(WEATHER)
                        .addUserMessage("Weather in Lisbon and Porto?")
                        .putAdditionalBodyProperty("fallbacks", JsonValue.from(List.of("gpt-4o"))).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();

        List<ToolUseBlock> calls = message.content().stream().filter(ContentBlock::isToolUse)
                .map(ContentBlock::asToolUse).toList();
        assertThat(calls).hasSize(2);
        assertThat(calls).extracting(ToolUseBlock::name).containsOnly("get_weather");
        assertThat(calls.get(0)._input().convert(Map.class)).containsKey("city");
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
    }

    @Test
    void errorsReachTheSdkAsAnthropicErrorsOfTheRightKind() {
        var client = AnthropicSdk.client(gateway);
        assertThatThrownBy(() -> client.messages().create(hello("no-such-route")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-route");
        assertThatThrownBy(() -> client.messages().create(MessageCreateParams.builder().model("claude-sonnet")
                .maxTokens(10).addUserMessage("hi").putAdditionalBodyProperty("temperature", JsonValue.from(3.0)).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("temperature");
        var stranger = AnthropicOkHttpClient.builder().apiKey("not-a-gateway-key")
                .baseUrl(gateway.toString().replaceAll("/$", "")).maxRetries(0).build();
        assertThatThrownBy(() -> stranger.messages().create(hello("claude-sonnet")))
                .isInstanceOf(UnauthorizedException.class);
        assertThat(totalCalls()).isZero();
    }

    @Test
    void tokensAreCountedWithoutAProviderCall() {
        MessageTokensCount count = AnthropicSdk.client(gateway).messages().countTokens(MessageCountTokensParams.builder()
                .model("claude-sonnet").system("Be brief.").addUserMessage("Hello there, how are you today?").build());

        assertThat(count.inputTokens()).isBetween(8L, 30L);
        assertThat(totalCalls()).isZero();
    }
}
