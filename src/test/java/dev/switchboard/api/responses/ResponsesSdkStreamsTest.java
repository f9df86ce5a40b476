package dev.switchboard.api.responses;

import static dev.switchboard.api.responses.ResponsesSdkTest.FALLBACK;
import static dev.switchboard.api.responses.ResponsesSdkTest.ask;
import static dev.switchboard.api.responses.ResponsesSdkTest.events;
import static dev.switchboard.api.responses.ResponsesSdkTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseStreamEvent;

import dev.switchboard.health.ProviderBreakers;
import dev.switchboard.health.RouteAvailability;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.OpenAiSdk;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code client.responses().createStreaming(...)} of the official OpenAI Java SDK against Switchboard:
 * the text reassembled from the deltas, the completed response with its usage, and a stream that
 * failed over before its first word. Not re-run against the packaged artifact: it needs the warm-up
 * below, which resets the gateway's memory.
 */
@QuarkusTest
class ResponsesSdkStreamsTest extends GatewayTestBase {

    @TestHTTPResource("/v1")
    URL gateway;

    private static boolean warm;

    /**
     * One streamed answer before the first test: the first stream a fresh JVM serves loads enough
     * classes to miss the suite's 1 s first-token limit on a busy machine. Then the gateway forgets it.
     */
    @BeforeEach
    void warmUp() throws InterruptedException {
        if (warm) {
            return;
        }
        warm = true;
        stub(OPENAI_CHAT, events("openai/chat-completion-stream.sse"));
        caller().body("{\"model\":\"gpt-4o\",\"input\":\"hi\",\"stream\":true,\"fallbacks\":[]}")
                .post("/v1/responses").then().extract().asString();
        Thread.sleep(200);
        emulator.resetAll();
        Arc.container().instance(ProviderBreakers.class).get().resetAll();
        Arc.container().instance(RouteAvailability.class).get().reset();
    }

    private OpenAIClient client() {
        return OpenAiSdk.client(gateway);
    }

    @Test
    void streamsAResponseTheSdkReassembles() {
        stub(OPENAI_CHAT, events("openai/chat-completion-stream.sse"));

        List<ResponseStreamEvent> events = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = client().responses().createStreaming(ask("gpt-4o").build())) {
            stream.stream().forEach(events::add);
        }

        String deltas = events.stream().filter(ResponseStreamEvent::isOutputTextDelta)
                .map(event -> event.asOutputTextDelta().delta()).collect(Collectors.joining());
        assertThat(deltas).isEqualTo("Hi there! How can I help?");
        assertThat(events.get(0).isCreated()).isTrue();
        ResponseStreamEvent last = events.get(events.size() - 1);
        assertThat(last.isCompleted()).isTrue();
        Response completed = last.asCompleted().response().validate();
        assertThat(text(completed)).isEqualTo("Hi there! How can I help?");
        assertThat(completed.usage().orElseThrow().totalTokens()).isEqualTo(26);
        assertThat(completed.id()).isEqualTo(events.get(0).asCreated().response().id());
    }

    @Test
    void aStreamedResponseFailsOverToTheNextRoute() {
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));
        stub(COMPATIBLE_CHAT, events("openai/chat-completion-stream.sse"));

        List<ResponseStreamEvent> events = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = client().responses().createStreaming(ask("gpt-4o", FALLBACK)
                .build())) {
            stream.stream().forEach(events::add);
        }

        assertThat(events.stream().filter(ResponseStreamEvent::isOutputTextDelta)
                .map(event -> event.asOutputTextDelta().delta()).collect(Collectors.joining()))
                .isEqualTo("Hi there! How can I help?");
        assertThat(events.get(events.size() - 1).isCompleted()).isTrue();
        assertThat(calls(OPENAI_CHAT)).isNotEmpty();
        assertThat(calls(COMPATIBLE_CHAT)).hasSize(1);
    }
}
