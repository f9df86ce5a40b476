package dev.switchboard.provider.gemini;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.StreamData;
import dev.switchboard.provider.StreamDecoder;

/**
 * Reads {@code streamGenerateContent?alt=sse}: every event's data is a whole
 * {@code GenerateContentResponse} holding the next piece of text, the last one its
 * {@code finishReason}, and each its usage so far. There is no end marker: the stream just ends
 * after the finishing chunk, so this decoder never reports {@link StreamEvent.Done}. An
 * {@code {"error":...}} event is the server failing mid-stream.
 * <p>
 * One per stream, because the whole-response rules of {@link GeminiTranslator} apply to the stream
 * as a whole: a blocked prompt, or a safety stop before any text, is a content-filter failure
 * (another route may still answer, as nothing has reached the caller); a safety stop after some
 * text finishes the answer as a content filter. Thought parts come only when a request asks for
 * them ({@code includeThoughts}), which Switchboard's never do, so every text part is answer.
 * <p>
 * Gemini streams a function call whole, in one part: it becomes a {@link StreamEvent.ToolCallStarted}
 * and a single {@link StreamEvent.ToolCallArguments}, with the id a whole response would give it
 * (see {@link GeminiTranslator#toolCall}), and the stream finishes as {@link FinishReason#TOOL_CALLS}.
 */
public final class GeminiStreamDecoder implements StreamDecoder {

    private final ProviderId provider;
    private final String requestedModel;
    private boolean started;
    private boolean answered;
    private String responseId;
    private String fallbackPrefix;
    private int calls;

    /** @param requestedModel the route's model, named as the answering one when a chunk has no modelVersion */
    public GeminiStreamDecoder(ProviderId provider, String requestedModel) {
        this.provider = provider;
        this.requestedModel = requestedModel;
    }

    @Override
    public List<StreamEvent> decode(String event, String data) {
        JsonNode node = StreamData.object(provider, data);
        if (node.has("error")) {
            throw GeminiErrors.inStream(provider, node);
        }
        GeminiResponse chunk = StreamData.read(provider, node, GeminiResponse.class);
        GeminiResponse.Candidate candidate = chunk.candidates() == null || chunk.candidates().isEmpty()
                ? null : chunk.candidates().get(0);
        if (candidate == null && chunk.promptFeedback() != null && chunk.promptFeedback().blockReason() != null) {
            throw GeminiTranslator.promptBlocked(provider, chunk.promptFeedback().blockReason());
        }
        List<StreamEvent> events = new ArrayList<>(4);
        if (!started) {
            started = true;
            responseId = chunk.responseId();
            String model = chunk.modelVersion() != null ? chunk.modelVersion() : requestedModel;
            events.add(new StreamEvent.Started(chunk.responseId(), model));
        }
        if (candidate != null) {
            addParts(candidate.content(), events);
            if (candidate.finishReason() != null) {
                events.add(new StreamEvent.Finished(finish(candidate.finishReason())));
            }
        }
        if (chunk.usageMetadata() != null) {
            events.add(new StreamEvent.UsageReported(GeminiTranslator.usage(chunk.usageMetadata())));
        }
        return events;
    }

    /** The last chunk's parts may hold only an empty text (with a thought signature): nothing to pass on. */
    private void addParts(GeminiContent content, List<StreamEvent> events) {
        if (content == null || content.parts() == null) {
            return;
        }
        for (GeminiContent.Part part : content.parts()) {
            if (part != null && part.isThought() && part.text() != null && !part.text().isEmpty()) {
                events.add(new StreamEvent.Thinking(part.text()));
            } else if (part != null && part.text() != null && !part.text().isEmpty()) {
                answered = true;
                events.add(new StreamEvent.Text(part.text()));
            } else if (part != null && part.functionCall() != null) {
                addCall(part, events);
            }
        }
    }

    private void addCall(GeminiContent.Part part, List<StreamEvent> events) {
        if (responseId == null && fallbackPrefix == null) {
            fallbackPrefix = UUID.randomUUID().toString();
        }
        ToolCall call = GeminiTranslator.toolCall(provider, part, responseId, fallbackPrefix, calls);
        answered = true;
        events.add(new StreamEvent.ToolCallStarted(calls, call.id(), call.name()));
        events.add(new StreamEvent.ToolCallArguments(calls, call.arguments()));
        calls++;
    }

    private FinishReason finish(String wire) {
        FinishReason reason = GeminiTranslator.finishReason(wire, calls > 0);
        if (reason == FinishReason.CONTENT_FILTER && !answered) {
            throw GeminiTranslator.answerStopped(provider, wire);
        }
        return reason;
    }
}
