package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.switchboard.chat.StreamEvent;
import dev.switchboard.provider.anthropic.AnthropicStreamDecoder;
import dev.switchboard.provider.gemini.GeminiStreamDecoder;
import dev.switchboard.provider.openai.OpenAiStreamDecoder;

/**
 * Fuzzes each provider's stream decoder on whole streams: the first byte picks the provider (OpenAI,
 * Anthropic, Gemini) and how the body arrives (in pieces of 1 to 64 bytes), the rest is the bytes of a
 * server-sent event stream, read into events by {@link EventStreamReader} and decoded in order by one
 * decoder, as one stream is. A stream
 * may end with a typed {@link ProviderFailure} (an error event, data that is not the schema); any other
 * exception is a finding, and so is an event the relay could not send on: a start without a model, or
 * token counts below zero. Seeds: the providers' documented streams, in
 * {@code src/test/resources/dev/switchboard/provider/StreamDecodersFuzzTestInputs/}.
 */
class StreamDecodersFuzzTest {

    @FuzzTest
    @DictionaryEntries({"event: ", "data: ", "[DONE]", "message_start", "content_block_start",
            "content_block_delta", "content_block_stop", "message_delta", "message_stop", "ping", "error",
            "\"text_delta\"", "\"thinking_delta\"", "\"input_json_delta\"", "\"delta\"", "\"choices\"", "\"content\"",
            "\"refusal\"", "\"finish_reason\"", "\"usage\"", "\"stop_reason\"", "\"candidates\"", "\"parts\"",
            "\"finishReason\"", "\"usageMetadata\"", "\"model\"", "\"message\"", "\"input_tokens\"", "-1"})
    void aStreamIsDecodedOrEndsWithATypedFailure(byte[] data) {
        if (data.length == 0) {
            return;
        }
        StreamDecoder decoder = switch (Math.floorMod(data[0], 3)) {
            case 0 -> new OpenAiStreamDecoder(ProviderId.OPENAI);
            case 1 -> new AnthropicStreamDecoder(ProviderId.ANTHROPIC);
            default -> new GeminiStreamDecoder(ProviderId.GEMINI, "gemini-2.5-flash");
        };
        EventStreamReader reader = new EventStreamReader(ProviderId.OPENAI);
        int pieceSize = 1 + Math.floorMod(data[0] >> 2, 64);
        try {
            for (int from = 1; from < data.length; from += pieceSize) {
                byte[] piece = Arrays.copyOfRange(data, from, Math.min(data.length, from + pieceSize));
                for (EventStreamReader.Event event : reader.read(piece)) {
                    decoder.decode(event.name(), event.data()).forEach(StreamDecodersFuzzTest::checkRelayable);
                }
            }
        } catch (ProviderFailure endsTheStream) {
            assertThat(endsTheStream.getMessage()).isNotNull();
        }
    }

    private static void checkRelayable(StreamEvent event) {
        assertThat(event).isNotNull();
        if (event instanceof StreamEvent.Started started) {
            assertThat(started.model()).isNotNull();
        } else if (event instanceof StreamEvent.Finished finished) {
            assertThat(finished.reason()).isNotNull();
        } else if (event instanceof StreamEvent.UsageReported reported) {
            assertThat(reported.usage().promptTokens()).isNotNegative();
            assertThat(reported.usage().completionTokens()).isNotNegative();
            assertThat(reported.usage().cachedPromptTokens()).isNotNegative();
        }
    }
}
