package dev.switchboard.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.ObjectMappers;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.Usage;
import dev.switchboard.support.Fixtures;
import io.smallrye.mutiny.Multi;

/** Answers written as Responses API objects and event streams, read back by the OpenAI SDK's own model. */
class ResponseWritersTest {

    static final ResponseObject.Echo ECHO = new ResponseObject.Echo("Be brief.", List.of(), "auto", true, null, null,
            100, new ResponseObject.Text(ResponseObject.Format.TEXT, null), new ResponseObject.Reasoning(null, null),
            Map.of("team", "search"), null);

    static Response sdk(Object response) throws Exception {
        Response parsed = ObjectMappers.jsonMapper().readValue(Fixtures.JSON.writeValueAsString(response), Response.class);
        return parsed.validate();
    }

    @Test
    void aWholeAnswerIsReasoningThenTheMessageThenTheCalls() throws Exception {
        var output = ResponseWriter.output("Checking.", List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Lisbon\"}")),
                List.of(ThinkingBlock.text("Lisbon first.")), "completed");
        var response = ResponseWriter.response("resp_1", 1700000000, "gpt-4o", ECHO, "completed", FinishReason.TOOL_CALLS,
                null, output, new Usage(10, 5, 2, 0, 3), false);

        Response parsed = sdk(response);
        assertThat(parsed.status()).contains(ResponseStatus.COMPLETED);
        assertThat(parsed.output()).hasSize(3);
        assertThat(parsed.output().get(0).asReasoning().summary().get(0).text()).isEqualTo("Lisbon first.");
        assertThat(parsed.output().get(1).asMessage().content().get(0).asOutputText().text()).isEqualTo("Checking.");
        assertThat(parsed.output().get(2).asFunctionCall().callId()).isEqualTo("call_1");
        assertThat(parsed.output().get(2).asFunctionCall().arguments()).isEqualTo("{\"city\":\"Lisbon\"}");
        assertThat(parsed.usage().orElseThrow().inputTokensDetails().cachedTokens()).isEqualTo(2);
        assertThat(parsed.usage().orElseThrow().outputTokensDetails().reasoningTokens()).isEqualTo(3);
        assertThat(parsed.usage().orElseThrow().totalTokens()).isEqualTo(15);
        assertThat(parsed.instructions().orElseThrow().asString()).isEqualTo("Be brief.");
        assertThat(parsed.incompleteDetails()).isEmpty();
    }

    @Test
    void aStopForLengthOrByAFilterIsIncomplete() throws Exception {
        var length = ResponseWriter.response("resp_1", 1, "m", ECHO, ResponseWriter.status(FinishReason.LENGTH),
                FinishReason.LENGTH, null, ResponseWriter.output("Once upon", List.of(), List.of(), "incomplete"),
                Usage.NONE, false);
        assertThat(sdk(length).status()).contains(ResponseStatus.INCOMPLETE);
        assertThat(sdk(length).incompleteDetails().orElseThrow().reason().orElseThrow().asString())
                .isEqualTo("max_output_tokens");
        var filtered = ResponseWriter.response("resp_1", 1, "m", ECHO, ResponseWriter.status(FinishReason.CONTENT_FILTER),
                FinishReason.CONTENT_FILTER, null, List.of(), Usage.NONE, true);
        assertThat(sdk(filtered).incompleteDetails().orElseThrow().reason().orElseThrow().asString()).isEqualTo("content_filter");
        assertThat(Fixtures.wire(filtered).path("metadata").path("switchboard_degraded").asText()).isEqualTo("true");
    }

    /** The events a stream of these gateway events becomes, each read back by the SDK. */
    static List<JsonNode> stream(StreamEvent... events) throws Exception {
        var encoder = new ResponseEventStream(Fixtures.JSON, ECHO, "gpt-4o", false);
        String text = encoder.encode(Multi.createFrom().items(events)).collect().asList().await().indefinitely()
                .stream().map(buffer -> buffer.toString(StandardCharsets.UTF_8)).collect(Collectors.joining());
        List<Fixtures.Sse> sse = Fixtures.events(text);
        for (int i = 0; i < sse.size(); i++) {
            JsonNode data = Fixtures.JSON.readTree(sse.get(i).data());
            assertThat(data.path("type").asText()).isEqualTo(sse.get(i).name());
            assertThat(data.path("sequence_number").asInt()).isEqualTo(i);
            ObjectMappers.jsonMapper().readValue(sse.get(i).data(), ResponseStreamEvent.class).validate();
        }
        return sse.stream().map(event -> {
            try {
                return Fixtures.JSON.readTree(event.data());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.path("type").asText()).toList();
    }

    @Test
    void aStreamedAnswerIsTheResponsesEventSequenceEndingWithTheUsage() throws Exception {
        List<JsonNode> events = stream(new StreamEvent.Started("chatcmpl-1", "gpt-4o-2024-08-06"),
                new StreamEvent.Thinking("Hmm."), new StreamEvent.ThinkingDone(ThinkingBlock.text("Hmm.")),
                new StreamEvent.Text("Hello"), new StreamEvent.Text(" world"), new StreamEvent.Finished(FinishReason.STOP),
                new StreamEvent.UsageReported(new Usage(9, 2)), new StreamEvent.Done());

        assertThat(types(events)).containsExactly("response.created", "response.in_progress",
                "response.output_item.added", "response.reasoning_summary_part.added",
                "response.reasoning_summary_text.delta", "response.reasoning_summary_text.done",
                "response.reasoning_summary_part.done", "response.output_item.done",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta",
                "response.output_text.delta", "response.output_text.done", "response.content_part.done",
                "response.output_item.done", "response.completed");
        assertThat(events.get(0).path("response").path("status").asText()).isEqualTo("in_progress");
        assertThat(events.get(0).path("response").path("model").asText()).isEqualTo("gpt-4o-2024-08-06");
        JsonNode completed = events.get(events.size() - 1).path("response");
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.path("usage").path("total_tokens").asInt()).isEqualTo(11);
        assertThat(completed.path("output").get(1).path("content").get(0).path("text").asText()).isEqualTo("Hello world");
        assertThat(completed.path("output").get(0).path("summary").get(0).path("text").asText()).isEqualTo("Hmm.");
        assertThat(events.get(10).path("item_id").asText()).isEqualTo(completed.path("output").get(1).path("id").asText());
        assertThat(events.get(10).path("output_index").asInt()).isEqualTo(1);
        assertThat(events.get(12).path("text").asText()).isEqualTo("Hello world");
    }

    @Test
    void streamedToolCallsAreFunctionCallItemsWithArgumentDeltas() throws Exception {
        List<JsonNode> events = stream(new StreamEvent.Started("x", "gpt-4o"),
                new StreamEvent.ToolCallStarted(0, "call_a", "get_weather"), new StreamEvent.ToolCallArguments(0, "{\"city\""),
                new StreamEvent.ToolCallArguments(0, ":\"Lisbon\"}"), new StreamEvent.ToolCallStarted(1, "call_b", "get_weather"),
                new StreamEvent.ToolCallArguments(1, "{}"), new StreamEvent.Finished(FinishReason.TOOL_CALLS));

        assertThat(types(events)).containsExactly("response.created", "response.in_progress",
                "response.output_item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.delta", "response.output_item.added",
                "response.function_call_arguments.delta", "response.function_call_arguments.done",
                "response.output_item.done", "response.function_call_arguments.done", "response.output_item.done",
                "response.completed");
        assertThat(events.get(2).path("item").path("call_id").asText()).isEqualTo("call_a");
        assertThat(events.get(7).path("arguments").asText()).isEqualTo("{\"city\":\"Lisbon\"}");
        JsonNode output = events.get(events.size() - 1).path("response").path("output");
        assertThat(output).hasSize(2);
        assertThat(output.get(1).path("call_id").asText()).isEqualTo("call_b");
        assertThat(output.get(1).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void aStreamStoppedForLengthEndsIncomplete() throws Exception {
        List<JsonNode> events = stream(new StreamEvent.Started("x", "m"), new StreamEvent.Text("Once"),
                new StreamEvent.Finished(FinishReason.LENGTH));

        JsonNode last = events.get(events.size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("response.incomplete");
        assertThat(last.path("response").path("incomplete_details").path("reason").asText()).isEqualTo("max_output_tokens");
    }

    @Test
    void anInterruptedStreamEndsWithResponseFailedAndNothingAfter() throws Exception {
        List<JsonNode> events = stream(new StreamEvent.Started("x", "m"), new StreamEvent.Text("Hel"),
                new StreamEvent.Interrupted("The answer was interrupted after 3 characters"), new StreamEvent.Text("lo"));

        assertThat(types(events)).containsExactly("response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added", "response.output_text.delta",
                "response.failed");
        JsonNode failed = events.get(5).path("response");
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").path("code").asText()).isEqualTo("server_error");
        assertThat(failed.path("error").path("message").asText()).contains("interrupted");
    }
}
