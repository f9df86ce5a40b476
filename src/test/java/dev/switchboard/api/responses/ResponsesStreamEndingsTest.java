package dev.switchboard.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.OpenAiSdk;
import dev.switchboard.support.stream.Script;
import dev.switchboard.support.stream.StreamingProfile;
import dev.switchboard.support.stream.StreamingTestBase;
import dev.switchboard.support.stream.WireStreams;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * How a Responses event stream ends, read by the official OpenAI SDK: streamed tool calls as
 * function-call items whose argument deltas add up, and a stream the gateway had to give up on
 * after words went out as {@code response.failed}, the SDK's failed response, with nothing after it.
 */
@QuarkusTest
@TestProfile(StreamingProfile.class)
class ResponsesStreamEndingsTest extends StreamingTestBase {

    @TestHTTPResource("/v1")
    URL gateway;

    private List<ResponseStreamEvent> stream(ResponseCreateParams params) {
        List<ResponseStreamEvent> events = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = OpenAiSdk.client(gateway).responses().createStreaming(params)) {
            stream.stream().forEach(events::add);
        }
        return events;
    }

    @Test
    void streamedToolCallsAreFunctionCallItemsTheSdkReassembles() throws Exception {
        provider.on(OPENAI_CHAT, Script.stream().events(Fixtures.sse("openai/chat-completion-stream-tool-calls.sse").stream()
                .map(event -> "data: " + event.data() + "\n\n").toList()).end());

        List<ResponseStreamEvent> events = stream(ResponseCreateParams.builder().model("gpt-4o")
                .input("Weather in Lisbon and Porto?")
                .addTool(FunctionTool.builder().name("get_weather").strict(false).parameters(FunctionTool.Parameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object")).build()).build())
                .putAdditionalBodyProperty("fallbacks", JsonValue.from(List.of())).build());

        ResponseStreamEvent last = events.get(events.size() - 1);
        assertThat(last.isCompleted()).isTrue();
        Response response = last.asCompleted().response();
        List<ResponseFunctionToolCall> calls = response.output().stream().filter(ResponseOutputItem::isFunctionCall)
                .map(ResponseOutputItem::asFunctionCall).toList();
        assertThat(calls).hasSize(2);
        assertThat(calls).allSatisfy(call -> assertThat(call.name()).isEqualTo("get_weather"));
        for (ResponseFunctionToolCall call : calls) {
            String deltas = events.stream().filter(ResponseStreamEvent::isFunctionCallArgumentsDelta)
                    .map(ResponseStreamEvent::asFunctionCallArgumentsDelta)
                    .filter(delta -> delta.itemId().equals(call.id().orElseThrow()))
                    .map(delta -> delta.delta()).collect(Collectors.joining());
            assertThat(deltas).isEqualTo(call.arguments());
            assertThat(Fixtures.JSON.readTree(deltas).isObject()).isTrue();
        }
        assertThat(events.stream().filter(ResponseStreamEvent::isOutputItemAdded).count()).isEqualTo(2);
        assertThat(events.stream().filter(ResponseStreamEvent::isFunctionCallArgumentsDone).count()).isEqualTo(2);
    }

    @Test
    void aStreamCutAfterItsFirstWordsEndsAsAFailedResponse() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAiStart("gpt-4o", "Hello", " wor")).cut());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAiStart("llama", "never asked")).end());

        List<ResponseStreamEvent> events = stream(ResponseCreateParams.builder().model("gpt-4o").input("Say hello")
                .putAdditionalBodyProperty("fallbacks", JsonValue.from(List.of("openai-compatible/llama-3.1-8b"))).build());

        assertThat(events.stream().filter(ResponseStreamEvent::isOutputTextDelta)
                .map(event -> event.asOutputTextDelta().delta()).collect(Collectors.joining())).isEqualTo("Hello wor");
        ResponseStreamEvent last = events.get(events.size() - 1);
        assertThat(last.isFailed()).isTrue();
        Response failed = last.asFailed().response();
        assertThat(failed.status()).contains(ResponseStatus.FAILED);
        assertThat(failed.error().orElseThrow().message()).contains("interrupted");
        assertThat(failed.error().orElseThrow().code().asString()).isEqualTo("server_error");
        assertThat(events).noneMatch(ResponseStreamEvent::isCompleted);
        assertThat(provider.received(COMPATIBLE_CHAT)).isEmpty();
    }
}
