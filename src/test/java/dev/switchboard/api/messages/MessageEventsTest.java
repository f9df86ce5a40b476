package dev.switchboard.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.Usage;
import dev.switchboard.support.Fixtures;
import io.smallrye.mutiny.Multi;

/** The gateway's stream events written as Anthropic's Messages event stream. */
class MessageEventsTest {

    /** Each event as its {@code event:} name and its data. */
    private static List<JsonNode> written(StreamEvent... events) throws Exception {
        String stream = new MessageEvents(Fixtures.JSON, "fallback-model", null)
                .encode(Multi.createFrom().items(events)).collect().asList().await().indefinitely().stream()
                .map(Object::toString).reduce("", String::concat);
        List<JsonNode> written = new ArrayList<>();
        String name = null;
        for (String line : stream.split("\n")) {
            if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                JsonNode data = Fixtures.JSON.readTree(line.substring(6));
                assertThat(data.path("type").asText()).as("the event name is the data's type").isEqualTo(name);
                written.add(data);
            }
        }
        return written;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.path("type").asText()).toList();
    }

    @Test
    void thinkingTextAndParallelToolCallsBecomeBlocksInOrder() throws Exception {
        List<JsonNode> events = written(new StreamEvent.Started("chatcmpl-1", "gpt-4o"),
                new StreamEvent.Thinking("Let me "), new StreamEvent.Thinking("think."),
                new StreamEvent.ThinkingDone(new ThinkingBlock("Let me think.", "sig-1", null)),
                new StreamEvent.Text("Checking."),
                new StreamEvent.ToolCallStarted(0, "call_a", "get_weather"),
                new StreamEvent.ToolCallStarted(1, "call_b", "get_weather"),
                new StreamEvent.ToolCallArguments(0, "{\"city\":\"Lisbon\"}"),
                new StreamEvent.ToolCallArguments(1, "{\"city\":\"Porto\"}"),
                new StreamEvent.Finished(FinishReason.TOOL_CALLS),
                new StreamEvent.UsageReported(new Usage(100, 40, 30, 20, 10)), new StreamEvent.Done());

        assertThat(types(events)).containsExactly("message_start", "ping",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_stop", "content_block_start",
                "content_block_delta", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        JsonNode start = events.get(0).path("message");
        assertThat(start.path("id").asText()).startsWith("msg_");
        assertThat(start.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(events.get(2).path("content_block").path("type").asText()).isEqualTo("thinking");
        assertThat(events.get(5).path("delta").path("signature").asText()).isEqualTo("sig-1");
        assertThat(events.get(8).path("delta").path("text").asText()).isEqualTo("Checking.");
        assertThat(events.get(10).path("content_block").path("id").asText()).isEqualTo("call_a");
        assertThat(events.get(10).path("index").asInt()).isEqualTo(2);
        // The first call's arguments go to its own block, though the second call has started since.
        assertThat(events.get(13).path("index").asInt()).isEqualTo(2);
        assertThat(events.get(14).path("index").asInt()).isEqualTo(3);
        assertThat(events.get(14).path("delta").path("partial_json").asText()).isEqualTo("{\"city\":\"Porto\"}");
        JsonNode end = events.get(16);
        assertThat(end.path("delta").path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(end.path("usage").path("input_tokens").asInt()).isEqualTo(50);
        assertThat(end.path("usage").path("cache_read_input_tokens").asInt()).isEqualTo(30);
        assertThat(end.path("usage").path("cache_creation_input_tokens").asInt()).isEqualTo(20);
        assertThat(end.path("usage").path("output_tokens").asInt()).isEqualTo(40);
    }

    @Test
    void aRedactedBlockComesWholeAndALengthStopIsMaxTokens() throws Exception {
        List<JsonNode> events = written(new StreamEvent.Started("msg_01", "claude-sonnet-4-5"),
                new StreamEvent.ThinkingDone(new ThinkingBlock("", null, "encrypted")),
                new StreamEvent.Text("Partial"), new StreamEvent.Finished(FinishReason.LENGTH));

        assertThat(events.get(0).path("message").path("id").asText()).isEqualTo("msg_01");
        assertThat(events.get(2).path("content_block").path("type").asText()).isEqualTo("redacted_thinking");
        assertThat(events.get(2).path("content_block").path("data").asText()).isEqualTo("encrypted");
        assertThat(events.get(3).path("type").asText()).isEqualTo("content_block_stop");
        assertThat(events.get(events.size() - 2).path("delta").path("stop_reason").asText()).isEqualTo("max_tokens");
    }

    @Test
    void aStreamTheGatewayGaveUpOnEndsWithAnErrorEventAndNoMessageStop() throws Exception {
        List<JsonNode> events = written(new StreamEvent.Started(null, null), new StreamEvent.Text("Half an ans"),
                new StreamEvent.Interrupted("the provider stopped mid-answer and no route could continue it"));

        assertThat(events.get(0).path("message").path("model").asText()).isEqualTo("fallback-model");
        assertThat(types(events)).endsWith("content_block_stop", "error").doesNotContain("message_stop", "message_delta");
        JsonNode error = events.get(events.size() - 1).path("error");
        assertThat(error.path("type").asText()).isEqualTo("api_error");
        assertThat(error.path("message").asText()).contains("no route could continue it");
    }

    @Test
    void anEmptyStreamIsStillAWholeMessage() throws Exception {
        assertThat(types(written())).containsExactly("message_start", "ping", "message_delta", "message_stop");
    }
}
