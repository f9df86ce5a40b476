package dev.switchboard.degraded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import dev.switchboard.support.DegradedProfile;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.stream.StreamedReply;
import dev.switchboard.support.stream.WireStreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * F19 for streams: a streamed request no route answers gets a well-formed stream from degraded mode;
 * a stream is remembered once complete, never when cut; whole and streamed answers serve each other.
 */
@QuarkusTest
@TestProfile(DegradedProfile.class)
class DegradedStreamsTest extends DegradedTestBase {

    private static final String STREAMED_ANSWER = "Hi there! How can I help?";

    private static String streamed(String body) {
        return body.replace("{\"model\"", "{\"stream\":true,\"stream_options\":{\"include_usage\":true},\"model\"");
    }

    private void openAiStreams(String sse) {
        stub(WireMock.post(WireMock.urlPathEqualTo(OPENAI_CHAT)).willReturn(WireMock.aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(sse)));
    }

    private static void assertWellFormedDegradedStream(StreamedReply reply, String source, String model, String content) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("content-type")).startsWith("text/event-stream");
        assertThat(reply.header("x-switchboard-degraded")).isEqualTo("true");
        assertThat(reply.header("x-switchboard-degraded-source")).isEqualTo(source);
        assertThat(reply.header("x-switchboard-route")).isNull();
        List<JsonNode> chunks = reply.chunks();
        assertThat(chunks.get(0).path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
        assertThat(reply.content()).isEqualTo(content);
        assertThat(reply.finishReasons()).containsExactly("stop");
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.path("usage").path("total_tokens").asInt(-1)).isZero();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("model").asText()).isEqualTo(model);
            assertThat(chunk.path("system_fingerprint").asText()).isEqualTo("switchboard-degraded");
            assertThat(chunk.path("id").asText()).isEqualTo(chunks.get(0).path("id").asText()).startsWith("chatcmpl-");
        });
        assertThat(reply.error()).isEmpty();
        assertThat(reply.endsWithDone()).isTrue();
    }

    @Test
    void withNothingRememberedAStreamedRequestGetsTheStaticMessageAsAWellFormedStream() {
        everyRouteFails();

        StreamedReply reply = StreamedReply.post(streamed(chat("gpt-4o", FALLBACK)));

        assertWellFormedDegradedStream(reply, "static", "gpt-4o", GENERAL);
        assertThat(reply.header("x-switchboard-attempts")).isEqualTo("4");
    }

    @Test
    void aCompleteStreamIsRememberedAndServesAStreamedRequest() {
        openAiStreams(Fixtures.text("openai/chat-completion-stream.sse"));
        assertThat(StreamedReply.post(streamed(chat("gpt-4o", FALLBACK))).content()).isEqualTo(STREAMED_ANSWER);
        emulator.resetAll();
        everyRouteFails();

        StreamedReply reply = StreamedReply.post(streamed(chat("gpt-4o", FALLBACK)));

        assertWellFormedDegradedStream(reply, "cache", "gpt-4o-2024-08-06", STREAMED_ANSWER);
    }

    @Test
    void aCompleteStreamServesAWholeRequest() {
        openAiStreams(Fixtures.text("openai/chat-completion-stream.sse"));
        StreamedReply.post(streamed(chat("gpt-4o", FALLBACK)));
        emulator.resetAll();
        everyRouteFails();

        post(chat("gpt-4o", FALLBACK)).statusCode(200)
                .header("x-switchboard-degraded-source", "cache")
                .body("model", equalTo("gpt-4o-2024-08-06"))
                .body("choices[0].message.content", equalTo(STREAMED_ANSWER));
    }

    @Test
    void aWholeAnswerServesAStreamedRequest() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));
        post(chat("gpt-4o", FALLBACK)).statusCode(200);
        emulator.resetAll();
        everyRouteFails();

        StreamedReply reply = StreamedReply.post(streamed(chat("gpt-4o", FALLBACK)));

        assertWellFormedDegradedStream(reply, "cache", "gpt-4o-2024-08-06", FIXTURE_ANSWER);
    }

    @Test
    void aStreamCutBeforeItsFinishIsNeverRemembered() {
        openAiStreams(String.join("", WireStreams.openAiStart("gpt-4o", "Hello", " wor")));
        StreamedReply cut = StreamedReply.post(streamed(chatOnly("gpt-4o")));
        assertThat(cut.error()).as("the cut stream ends with the in-band error").isPresent();
        assertThat(cut.header("x-switchboard-degraded")).as("a stream that had begun is never replaced").isNull();
        emulator.resetAll();
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));

        StreamedReply reply = StreamedReply.post(streamed(chatOnly("gpt-4o")));

        assertWellFormedDegradedStream(reply, "static", "gpt-4o", GENERAL);
    }

    @Test
    void aStreamedRequestThatOptedOutGetsTheRoutingError() {
        everyRouteFails();

        StreamedReply reply = StreamedReply.post(streamed(chat("gpt-4o", FALLBACK)), "x-switchboard-degraded", "off");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("all_routes_failed");
    }
}
