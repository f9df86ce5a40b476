package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.chat.CacheHint;
import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.ImageSource;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.chat.ResponseFormat;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.ToolChoice;
import dev.switchboard.support.Fixtures;

/** What the validator makes of the agentic parts of a request: tools, tool turns, images, cache hints, formats. */
class ChatRequestValidatorTest {

    private static final long LIMIT = 1024;

    private static ChatRequest validate(String json) {
        try {
            return ChatRequestValidator.validate(Fixtures.JSON.readValue(json, ChatCompletionRequest.class), LIMIT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aToolConversationIsReadAsTypedTurns() {
        ChatRequest request = validate("""
                {"model":"gpt-4o","messages":[
                  {"role":"user","content":"Weather in Lisbon and Porto?"},
                  {"role":"assistant","content":null,"tool_calls":[
                    {"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Lisbon\\"}"}},
                    {"id":"call_b","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Porto\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_a","content":"18C"},
                  {"role":"tool","tool_call_id":"call_b","content":[{"type":"text","text":"21C"}]}],
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Current weather",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"strict":true}}],
                 "tool_choice":{"type":"function","function":{"name":"get_weather"}},
                 "parallel_tool_calls":false}""");

        ChatMessage assistant = request.messages().get(1);
        assertThat(assistant.content()).isEmpty();
        assertThat(assistant.toolCalls()).containsExactly(
                new ToolCall("call_a", "get_weather", "{\"city\":\"Lisbon\"}"),
                new ToolCall("call_b", "get_weather", "{\"city\":\"Porto\"}"));
        assertThat(request.messages().get(2).role()).isEqualTo(Role.TOOL);
        assertThat(request.messages().get(3).toolCallId()).isEqualTo("call_b");
        assertThat(request.messages().get(3).text()).isEqualTo("21C");
        assertThat(request.toolCall("call_b")).contains(new ToolCall("call_b", "get_weather", "{\"city\":\"Porto\"}"));
        assertThat(request.tools().definitions()).singleElement().satisfies(tool -> {
            assertThat(tool.name()).isEqualTo("get_weather");
            assertThat(tool.description()).isEqualTo("Current weather");
            assertThat(tool.parameters().path("required").get(0).asText()).isEqualTo("city");
            assertThat(tool.strict()).isTrue();
        });
        assertThat(request.tools().choice()).isEqualTo(ToolChoice.function("get_weather"));
        assertThat(request.tools().parallel()).isFalse();
        assertThat(request.extraParams()).doesNotContainKeys("tools", "tool_choice", "parallel_tool_calls");
    }

    @Test
    void aFunctionWithoutParametersTakesNoArgumentsAndTheStringChoicesAreRead() {
        String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"now\"}}]";
        for (String[] row : new String[][] {{"\"auto\"", "AUTO"}, {"\"none\"", "NONE"}, {"\"required\"", "REQUIRED"}}) {
            ChatRequest request = validate("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                    + tools + ",\"tool_choice\":" + row[0] + "}");
            assertThat(request.tools().choice().mode()).isEqualTo(ToolChoice.Mode.valueOf(row[1]));
            assertThat(request.tools().definitions().get(0).parameters().toString())
                    .isEqualTo("{\"type\":\"object\",\"properties\":{}}");
        }
    }

    @Test
    void imagesByUrlAndInlineKeepTheirDetailAndOrder() {
        ChatRequest request = validate("""
                {"model":"m","messages":[{"role":"user","content":[
                  {"type":"text","text":"Compare"},
                  {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"low"}},
                  {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQSkZJRg=="}}]}]}""");
        List<ContentPart> parts = request.messages().get(0).content();
        assertThat(parts).containsExactly(new ContentPart.Text("Compare"),
                new ContentPart.Image(new ImageSource.Remote("https://example.com/cat.png"), "low", null),
                new ContentPart.Image(new ImageSource.Inline("image/jpeg", "/9j/4AAQSkZJRg=="), null, null));
        assertThat(request.hasImages()).isTrue();
        assertThat(request.messages().get(0).text()).isEqualTo("Compare");
    }

    @Test
    void anInlineImageOverTheLimitIsA400NamingItAndTheLimit() {
        String data = "A".repeat((int) (LIMIT / 3 * 4 + 8));
        assertThatThrownBy(() -> validate("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
                + "\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + data + "\"}}]}]}"))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.code()).isEqualTo("image_too_large");
                    assertThat(refused.param()).isEqualTo("messages[0].content[0].image_url.url");
                    assertThat(refused.getMessage()).contains("switchboard.limits.max-image-size").contains("1024");
                });
    }

    @Test
    void cacheHintsAreReadFromPartsMessagesAndTools() {
        ChatRequest request = validate("""
                {"model":"m","messages":[
                  {"role":"system","content":"Long rules","cache_control":{"type":"ephemeral","ttl":"1h"}},
                  {"role":"user","content":[{"type":"text","text":"doc","cache_control":{"type":"ephemeral"}},
                                            {"type":"text","text":"question"}]}],
                 "tools":[{"type":"function","function":{"name":"f"},"cache_control":{"type":"ephemeral"}}]}""");
        assertThat(request.messages().get(0).content()).containsExactly(new ContentPart.Text("Long rules", new CacheHint("1h")));
        assertThat(request.messages().get(1).content()).containsExactly(
                new ContentPart.Text("doc", CacheHint.EPHEMERAL), new ContentPart.Text("question"));
        assertThat(request.tools().definitions().get(0).cache()).isEqualTo(CacheHint.EPHEMERAL);
    }

    @Test
    void responseFormatsAreReadAsTypes() {
        String user = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
        assertThat(validate("{\"model\":\"m\"," + user + "}").format()).isEqualTo(ResponseFormat.TEXT);
        assertThat(validate("{\"model\":\"m\"," + user + ",\"response_format\":{\"type\":\"json_object\"}}").format())
                .isEqualTo(ResponseFormat.JSON_OBJECT);
        ResponseFormat schema = validate("{\"model\":\"m\"," + user + ",\"response_format\":{\"type\":\"json_schema\","
                + "\"json_schema\":{\"name\":\"city\",\"strict\":true,\"schema\":{\"type\":\"object\"}}}}").format();
        assertThat(schema.kind()).isEqualTo(ResponseFormat.Kind.JSON_SCHEMA);
        assertThat(schema.name()).isEqualTo("city");
        assertThat(schema.strict()).isTrue();
        assertThat(schema.jsonSchema()).hasValueSatisfying(s -> assertThat(s.path("type").asText()).isEqualTo("object"));
    }

    @Test
    void thinkingBlocksOnAnAssistantTurnAreKeptWithTheirSignatures() {
        ChatRequest request = validate("""
                {"model":"m","reasoning_effort":"high","messages":[{"role":"user","content":"hi"},
                  {"role":"assistant","content":"Hello","thinking_blocks":[
                    {"type":"thinking","thinking":"The user greets me.","signature":"EqQBCgIYAhIM"},
                    {"type":"redacted_thinking","data":"EmwKAhgBEgy3va3p"}]}]}""");
        assertThat(request.messages().get(1).thinking()).containsExactly(
                new dev.switchboard.chat.ThinkingBlock("The user greets me.", "EqQBCgIYAhIM", null),
                new dev.switchboard.chat.ThinkingBlock("", null, "EmwKAhgBEgy3va3p"));
        assertThat(request.extraParams().get("reasoning_effort").asText()).isEqualTo("high");
    }
}
