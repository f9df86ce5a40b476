package dev.switchboard.provider.openai;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.StreamData;
import dev.switchboard.provider.StreamDecoder;

/**
 * Reads an OpenAI-format stream: {@code chat.completion.chunk} events (text, and tool calls in
 * pieces under {@code delta.tool_calls}), an {@code {"error":...}} event
 * when the server fails mid-stream, and the closing {@code [DONE]}. One per stream: a refusal
 * streamed in place of content makes the finish a content filter, as in a whole response.
 */
public final class OpenAiStreamDecoder implements StreamDecoder {

    private static final String DONE = "[DONE]";

    private final ProviderId provider;
    /** The server's index of each tool call begun so far, in the order they began: a position is the call's own index. */
    private final List<Integer> calls = new ArrayList<>(1);
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
            if (choice.logprobs() != null && !choice.logprobs().isNull()) {
                events.add(new StreamEvent.LogprobsReported(choice.logprobs()));
            }
            if (delta != null && delta.reasoningContent() != null && !delta.reasoningContent().isEmpty()) {
                events.add(new StreamEvent.Thinking(delta.reasoningContent()));
            }
            if (delta != null && delta.content() != null && !delta.content().isEmpty()) {
                events.add(new StreamEvent.Text(delta.content()));
            }
            if (delta != null && delta.toolCalls() != null) {
                delta.toolCalls().forEach(call -> toolCall(call, events));
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
            events.add(new StreamEvent.UsageReported(chunk.usage().counted()));
        }
        return events;
    }

    /**
     * A call begins with a delta naming its id and function; its arguments follow in pieces under the
     * same {@code index}. Servers number calls from 0 as OpenAI does, but the gateway numbers them
     * itself so that a server that counts otherwise still gives the caller 0, 1, 2...
     */
    private void toolCall(OpenAiChatChunk.ToolCallDelta delta, List<StreamEvent> events) {
        if (delta == null) {
            return;
        }
        Integer wireIndex = delta.index() != null ? delta.index() : calls.isEmpty() ? 0 : calls.get(calls.size() - 1);
        int index = calls.indexOf(wireIndex);
        if (index < 0) {
            if (delta.id() == null || delta.function() == null || delta.function().name() == null) {
                throw StreamData.malformed(provider, "a tool call's first delta has no id or function name");
            }
            calls.add(wireIndex);
            index = calls.size() - 1;
            events.add(new StreamEvent.ToolCallStarted(index, delta.id(), delta.function().name()));
        }
        String arguments = delta.function() == null ? null : delta.function().arguments();
        if (arguments != null && !arguments.isEmpty()) {
            events.add(new StreamEvent.ToolCallArguments(index, arguments));
        }
    }

}
