package dev.switchboard.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.switchboard.chat.CacheHint;
import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.ImageSource;
import dev.switchboard.chat.ResponseFormat;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.Tool;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.chat.Tools;
import dev.switchboard.chat.Usage;
import dev.switchboard.config.SwitchboardConfig.CacheBreakpoint;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.support.Fixtures;

/** Tools, tool turns, images, cache breakpoints, structured outputs and thinking to the Messages API and back. */
class AnthropicAgenticTranslatorTest {

    private static final String MODEL = "claude-sonnet-4-5";
    private static final JsonNode CITY = Fixtures.wire(Map.of("type", "object", "properties",
            Map.of("city", Map.of("type", "string")), "required", List.of("city")));
    private static final Tool WEATHER = new Tool("get_weather", "Get the current weather in a given city", CITY, true,
            CacheHint.EPHEMERAL);
    private static final ChatMessage QUESTION = ChatMessage.of(Role.USER, "What's the weather in Lisbon and Porto?");
    private static final ToolCall LISBON = new ToolCall("toolu_01A09q90qw90lq917835lq9", "get_weather", "{\"city\":\"Lisbon\"}");
    private static final ToolCall PORTO = new ToolCall("toolu_01B19r91rx91mr928946mr0", "get_weather", "{\"city\":\"Porto\"}");

    private static JsonNode sent(ChatRequest request) {
        return Fixtures.wire(AnthropicTranslator.toAnthropic(request, MODEL, 1024));
    }

    @Test
    void aToolConversationWithThinkingMatchesTheMessagesApiShape() {
        ChatMessage calls = new ChatMessage(Role.ASSISTANT, List.of(new ContentPart.Text("Checking both.")), null,
                List.of(LISBON, PORTO), null, List.of(new ThinkingBlock("Two cities: two calls.", "EqQBCgIYAhIM1gbcDa9GJwZA2b3h", null)));
        ChatRequest request = ChatRequest.of(List.of(QUESTION, calls,
                ChatMessage.toolResult(LISBON.id(), "18C, sunny"), ChatMessage.toolResult(PORTO.id(), "21C, cloudy"),
                ChatMessage.of(Role.USER, "Which is warmer?"))).withTools(new Tools(List.of(WEATHER), null, false));

        assertThat(sent(request)).isEqualTo(Fixtures.json("anthropic/messages-request-tool-conversation.json"));
    }

    static Stream<Arguments> toolChoices() {
        return Stream.of(
                Arguments.of(ToolChoice.AUTO, null, "{\"type\":\"auto\"}"),
                Arguments.of(ToolChoice.REQUIRED, null, "{\"type\":\"any\"}"),
                Arguments.of(ToolChoice.function("get_weather"), false,
                        "{\"type\":\"tool\",\"name\":\"get_weather\",\"disable_parallel_tool_use\":true}"),
                Arguments.of(ToolChoice.NONE, false, "{\"type\":\"none\"}"),
                Arguments.of(null, false, "{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"),
                Arguments.of(null, true, "{\"type\":\"auto\"}"));
    }

    @ParameterizedTest
    @MethodSource("toolChoices")
    void toolChoiceAndParallelToolCallsMapToToolChoice(ToolChoice choice, Boolean parallel, String wire) {
        JsonNode body = sent(ChatRequest.of(List.of(QUESTION)).withTools(new Tools(List.of(WEATHER), choice, parallel)));
        assertThat(body.path("tool_choice").toString()).isEqualTo(wire);
    }

    @Test
    void noChoiceAndNoParallelSettingSendNoToolChoice() {
        assertThat(sent(ChatRequest.of(List.of(QUESTION)).withTools(new Tools(List.of(WEATHER), null, null)))
                .has("tool_choice")).isFalse();
    }

    @Test
    void imagesGoAsBase64AndUrlSourcesWithTheirCacheBreakpoints() {
        ChatMessage message = new ChatMessage(Role.USER, List.of(
                new ContentPart.Image(new ImageSource.Inline("image/png", "iVBORw0KGgo="), "high", null),
                new ContentPart.Image(new ImageSource.Remote("https://example.com/cat.jpg"), null, new CacheHint("1h")),
                new ContentPart.Text("Same animal?")), null, List.of(), null);
        assertThat(sent(ChatRequest.of(List.of(message))).path("messages").get(0).path("content").toString()).isEqualTo(
                "[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}},"
                        + "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/cat.jpg\"},"
                        + "\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"1h\"}},{\"type\":\"text\",\"text\":\"Same animal?\"}]");
    }

    @Test
    void theSystemPromptStaysAStringWithoutBreakpointsAndBecomesBlocksWithOne() {
        ChatRequest plain = ChatRequest.of(List.of(ChatMessage.of(Role.SYSTEM, "Be brief."), QUESTION));
        assertThat(sent(plain).path("system")).isEqualTo(TextNode.valueOf("Be brief."));

        ChatRequest marked = ChatRequest.of(List.of(new ChatMessage(Role.SYSTEM,
                List.of(new ContentPart.Text("Long rules", CacheHint.EPHEMERAL)), null, List.of(), null), QUESTION));
        assertThat(sent(marked).path("system").toString())
                .isEqualTo("[{\"type\":\"text\",\"text\":\"Long rules\",\"cache_control\":{\"type\":\"ephemeral\"}}]");
    }

    @Test
    void aRoutesAutoCacheMarksTheSystemPromptAndTheLastTool() {
        Tool plainTool = new Tool("get_time", null, CITY, null, null);
        ChatRequest request = ChatRequest.of(List.of(ChatMessage.of(Role.SYSTEM, "Be brief."), QUESTION))
                .withTools(new Tools(List.of(plainTool, new Tool("get_date", null, CITY, null, null)), null, null));
        JsonNode body = Fixtures.wire(AnthropicTranslator.toAnthropic(request, MODEL, 1024,
                Set.of(CacheBreakpoint.SYSTEM, CacheBreakpoint.TOOLS)));
        assertThat(body.path("system").get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        assertThat(body.path("tools").get(0).has("cache_control")).isFalse();
        assertThat(body.path("tools").get(1).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
    }

    @Test
    void aJsonSchemaIsAStructuredOutputAndAJsonObjectIsAskedForInThePrompt() {
        ChatRequest request = ChatRequest.of(List.of(ChatMessage.of(Role.SYSTEM, "Be brief."), QUESTION));
        JsonNode schema = sent(request.withFormat(new ResponseFormat(ResponseFormat.Kind.JSON_SCHEMA, "city", null, CITY, true)));
        assertThat(schema.path("output_config").toString())
                .isEqualTo("{\"format\":{\"type\":\"json_schema\",\"schema\":" + CITY + "}}");
        assertThat(schema.path("system").asText()).isEqualTo("Be brief.");

        JsonNode object = sent(request.withFormat(ResponseFormat.JSON_OBJECT));
        assertThat(object.has("output_config")).isFalse();
        assertThat(object.path("system").asText()).isEqualTo("Be brief.\n\n" + AnthropicTranslator.JSON_INSTRUCTION);
        assertThat(sent(ChatRequest.of(List.of(QUESTION)).withFormat(ResponseFormat.JSON_OBJECT)).path("system").asText())
                .isEqualTo(AnthropicTranslator.JSON_INSTRUCTION);
    }

    @Test
    void reasoningEffortIsExtendedThinkingWithinTheOutputLimit() {
        ChatRequest request = ChatRequest.of(List.of(QUESTION)).withExtraParams(Map.of("reasoning_effort", TextNode.valueOf("high")));
        JsonNode body = Fixtures.wire(AnthropicTranslator.toAnthropic(request, MODEL, 1000));
        assertThat(body.path("thinking").toString()).isEqualTo("{\"type\":\"enabled\",\"budget_tokens\":4096}");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(5096);
        JsonNode none = sent(request.withExtraParams(Map.of("reasoning_effort", TextNode.valueOf("none"))));
        assertThat(none.has("thinking")).isFalse();
    }

    @Test
    void anIdAnthropicWouldRefuseIsReplacedTheSameWayInTheCallAndItsResult() {
        String geminiId = "call_r1_0__ts_Q2l3QlZL+aGM3/blJ5=";
        ChatRequest request = ChatRequest.of(List.of(QUESTION,
                ChatMessage.calling(List.of(), List.of(new ToolCall(geminiId, "get_weather", "{}"))),
                ChatMessage.toolResult(geminiId, "18C")));
        JsonNode messages = sent(request).path("messages");
        String used = messages.get(1).path("content").get(0).path("id").asText();
        assertThat(used).matches("[a-zA-Z0-9_-]+");
        assertThat(messages.get(2).path("content").get(0).path("tool_use_id").asText()).isEqualTo(used);
    }

    @Test
    void parallelToolUseComesBackAsToolCallsInOrder() {
        ChatResult result = AnthropicTranslator.fromAnthropic(
                Fixtures.read("anthropic/messages-response-parallel-tool-use.json", AnthropicResponse.class), ProviderId.ANTHROPIC);
        assertThat(result.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(result.content()).isEqualTo("I'll check both cities.");
        assertThat(result.toolCalls()).containsExactly(LISBON, PORTO);
        assertThat(result.usage()).isEqualTo(new Usage(512, 96));
    }

    @Test
    void whatExtendedThinkingCannotTakeSkipsTheRouteNamingIt() {
        AnthropicAdapter adapter = new AnthropicAdapter(null, null, null);
        ChatRequest thinking = ChatRequest.of(List.of(QUESTION))
                .withExtraParams(Map.of("reasoning_effort", TextNode.valueOf("low")));
        assertThat(adapter.unsupported(thinking)).isEmpty();
        assertThat(adapter.unsupported(thinking.withTemperature(0.2))).hasValueSatisfying(
                reason -> assertThat(reason).contains("temperature").contains("reasoning_effort"));
        assertThat(adapter.unsupported(thinking.withTools(new Tools(List.of(WEATHER), ToolChoice.REQUIRED, null))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("tool_choice 'required'"));
        assertThat(adapter.unsupported(ChatRequest.of(List.of(QUESTION)).withTools(
                new Tools(List.of(WEATHER), ToolChoice.REQUIRED, false)))).isEmpty();
    }
}
