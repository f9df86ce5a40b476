package dev.switchboard.provider.openai;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.Usage;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.StreamData;
import dev.switchboard.provider.StreamDecoder;

/**
 * Reads an OpenAI-format stream: {@code chat.completion.chunk} events, an {@code {"error":...}} event
 * when the server fails mid-stream, and the closing {@code [DONE]}. One per stream: a refusal
 * streamed in place of content makes the finish a content filter, as in a whole response.
 */
public final class OpenAiStreamDecoder implements StreamDecoder {

    private static final String DONE = "[DONE]";

    private final ProviderId provider;
    private boolean started;
    private boolean refused;

    public OpenAiStreamDecoder(ProviderId provider) {
        this.provider = provider;
    }

    @Override
    public List<StreamEvent> decode(String event, String data) {
        if (data != null && DONE.equals(data.strip())) {
            return List.of(new StreamEvent.Done());
        }
        JsonNode node = StreamData.object(provider, data);
        if (node.has("error")) {
            throw OpenAiErrors.inStream(provider, node);
        }
        OpenAiChatChunk chunk = StreamData.read(provider, node, OpenAiChatChunk.class);
        List<StreamEvent> events = new ArrayList<>(2);
        if (!started) {
            if (chunk.model() == null) {
                throw StreamData.malformed(provider, "the first chunk names no model");
            }
            started = true;
            events.add(new StreamEvent.Started(chunk.id(), chunk.model()));
        }
        if (chunk.choices() != null && !chunk.choices().isEmpty() && chunk.choices().get(0) != null) {
            OpenAiChatChunk.Choice choice = chunk.choices().get(0);
            OpenAiChatChunk.Delta delta = choice.delta();
            if (delta != null && delta.content() != null && !delta.content().isEmpty()) {
                events.add(new StreamEvent.Text(delta.content()));
            }
            if (delta != null && delta.refusal() != null && !delta.refusal().isEmpty()) {
                refused = true;
                events.add(new StreamEvent.Text(delta.refusal()));
            }
            if (choice.finishReason() != null) {
                events.add(new StreamEvent.Finished(
                        refused ? FinishReason.CONTENT_FILTER : FinishReason.fromWire(choice.finishReason())));
            }
        }
        if (chunk.usage() != null) {
            events.add(new StreamEvent.UsageReported(new Usage(orZero(chunk.usage().promptTokens()),
                    orZero(chunk.usage().completionTokens()), chunk.usage().cachedTokens())));
        }
        return events;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
