package dev.switchboard.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.stream.Script;
import dev.switchboard.support.stream.StreamedReply;
import dev.switchboard.support.stream.StreamingProfile;
import dev.switchboard.support.stream.StreamingTestBase;
import dev.switchboard.support.stream.WireStreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Many streams at once, over a provider that keeps connections alive. The REST client closes a
 * stream's connection when the stream ends; had that connection gone back to the pool, the close
 * would break whichever call the pool gave it to next ("Connection was closed", a 502 for a
 * healthy provider). Found by the gateway benchmark: about one streamed request in three failed at
 * 32 connections.
 */
@QuarkusTest
@TestProfile(StreamingProfile.class)
class ConcurrentStreamsTest extends StreamingTestBase {

    static final int STREAMS = 120;
    static final int AT_ONCE = 12;

    @Test
    void concurrentStreamsAllArriveWhole() throws Exception {
        Script[] scripts = new Script[STREAMS];
        for (int i = 0; i < STREAMS; i++) {
            scripts[i] = Script.stream().events(WireStreams.openAi("gpt-4o-2024-08-06", "Hello", ", stream " + i)).end();
        }
        provider.on(OPENAI_CHAT, scripts);

        ExecutorService callers = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<StreamedReply>> replies = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                replies.add(callers.submit(() -> StreamedReply.post(streamed("gpt-4o"))));
            }
            for (Future<StreamedReply> reply : replies) {
                StreamedReply answered = reply.get();
                assertThat(answered.status()).isEqualTo(200);
                assertThat(answered.content()).startsWith("Hello, stream ");
                assertThat(answered.finishReasons()).containsExactly("stop");
                assertThat(answered.endsWithDone()).isTrue();
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(provider.received(OPENAI_CHAT)).hasSize(STREAMS);
    }

    @Test
    void everyProvidersStreamAsksForItsOwnConnection() {
        provider.on(OPENAI_CHAT, Script.stream().events(WireStreams.openAi("gpt-4o-2024-08-06", "Hi")).end());
        provider.on(COMPATIBLE_CHAT, Script.stream().events(WireStreams.openAi("llama-3.1-8b", "Hi")).end());
        provider.on(ANTHROPIC_MESSAGES, Script.stream().events(WireStreams.anthropic("claude-sonnet-4-5-20250929", "Hi")).end());
        provider.on(geminiStreamPath("gemini-2.5-flash"),
                Script.stream().events(WireStreams.gemini("gemini-2.5-flash", "Hi")).end());

        for (String model : List.of("gpt-4o", "openai-compatible/llama-3.1-8b", "claude-sonnet", "gemini-flash")) {
            assertThat(StreamedReply.post(streamed(model)).content()).as(model).isEqualTo("Hi");
        }

        for (String path : List.of(OPENAI_CHAT, COMPATIBLE_CHAT, ANTHROPIC_MESSAGES, geminiStreamPath("gemini-2.5-flash"))) {
            assertThat(provider.received(path)).as(path).hasSize(1);
            assertThat(provider.received(path).get(0).header("connection")).as(path).isEqualToIgnoringCase("close");
        }
    }
}
