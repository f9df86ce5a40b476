package dev.switchboard.provider.anthropic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.StreamData;
import dev.switchboard.provider.StreamDecoder;

/**
 * Reads a streamed Messages answer: {@code message_start}, then per content block a
 * {@code content_block_start}, its {@code content_block_delta}s and a {@code content_block_stop},
 * then {@code message_delta} and {@code message_stop}, with {@code ping}s anywhere and an
 * {@code error} event when the server fails mid-stream. One per stream: the usage that
 * {@code message_start} reports is remembered for {@code message_delta} to complete.
 * <p>Text, tool calls and thinking reach the caller: a {@code tool_use} block starts a call (its id
 * and name) whose {@code input_json_delta}s are its arguments; a {@code thinking} block's
 * {@code thinking_delta}s are reasoning text, and at its stop the whole block goes out with the
 * signature its {@code signature_delta} gave; a {@code redacted_thinking} block goes out whole. Tool
 * calls are numbered from 0 among the answer's calls, not by block. Server tools' blocks are left
 * out, as in a whole message. Event types Anthropic adds later are ignored,
 * as its versioning policy asks. The type is read from the data's {@code type}, which Anthropic
 * documents on every event; the SSE event name stands in for it only when it is missing.
 */
public final class AnthropicStreamDecoder implements StreamDecoder {

    /** The events that belong to a message, which message_start opens. */
    private static final Set<String> IN_MESSAGE = Set.of(
            "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop");

    private final ProviderId provider;
    /** The answer's tool calls so far, by the index of the block that carries each. */
    private final Map<Integer, Integer> calls = new HashMap<>();
    /** The thinking block being streamed, if any: its text so far and its signature. */
    private StringBuilder thinking;
    private String signature;
    private boolean started;
    private AnthropicResponse.Usage usage;

    public AnthropicStreamDecoder(ProviderId provider) {
        this.provider = provider;
    }

    @Override
    public List<StreamEvent> decode(String event, String data) {
        JsonNode node = StreamData.object(provider, data);
        String type = node.path("type").isTextual() ? node.path("type").asText() : event;
        if (type == null) {
            throw StreamData.malformed(provider, "a stream event has no type");
        }
        if (IN_MESSAGE.contains(type) && !started) {
            throw StreamData.malformed(provider, type + " before message_start");
        }
        return switch (type) {
            case "error" -> throw AnthropicErrors.inStream(provider, node);
            case "message_start" -> messageStart(read(node));
            case "content_block_start" -> blockStart(read(node));
            case "content_block_delta" -> blockDelta(read(node));
            case "content_block_stop" -> blockStop();
            case "message_delta" -> messageDelta(read(node));
            case "message_stop" -> List.of(new StreamEvent.Done());
            // A ping, or a type added after this release.
            default -> List.of();
        };
    }

    private AnthropicStreamEvent read(JsonNode node) {
        return StreamData.read(provider, node, AnthropicStreamEvent.class);
    }

    private List<StreamEvent> messageStart(AnthropicStreamEvent event) {
        AnthropicResponse message = event.message();
        if (message == null || message.model() == null) {
            throw StreamData.malformed(provider, "message_start names no model");
        }
        started = true;
        usage = message.usage();
        if (usage == null) {
            return List.of(new StreamEvent.Started(message.id(), message.model()));
        }
        // The input is known from the start; reported now, a stream cut before message_delta is still
        // billed for it (message_delta's counts replace these when they come).
        return List.of(new StreamEvent.Started(message.id(), message.model()),
                new StreamEvent.UsageReported(AnthropicTranslator.usage(usage)));
    }

    /** A text block may start with text of its own, though Anthropic's streams start it empty. */
    private List<StreamEvent> blockStart(AnthropicStreamEvent event) {
        AnthropicResponse.ContentBlock block = event.contentBlock();
        if (block == null) {
            throw StreamData.malformed(provider, "content_block_start has no content_block");
        }
        String type = block.type() == null ? "" : block.type();
        if (type.equals("text")) {
            return text(block.text());
        }
        if (type.equals("tool_use")) {
            return toolUse(event.index(), block);
        }
        if (type.equals("thinking")) {
            thinking = new StringBuilder(block.thinking() == null ? "" : block.thinking());
            signature = block.signature();
            return thinking.isEmpty() ? List.of() : List.of(new StreamEvent.Thinking(thinking.toString()));
        }
        if (type.equals("redacted_thinking") && block.data() != null) {
            return List.of(new StreamEvent.ThinkingDone(new ThinkingBlock("", null, block.data())));
        }
        return List.of();
    }

    /** A call starts with its id and name; an input already given whole at the start is its arguments. */
    private List<StreamEvent> toolUse(Integer blockIndex, AnthropicResponse.ContentBlock block) {
        if (blockIndex == null || block.id() == null || block.name() == null) {
            throw StreamData.malformed(provider, "a tool_use block starts without its index, id or name");
        }
        int index = calls.size();
        calls.put(blockIndex, index);
        StreamEvent started = new StreamEvent.ToolCallStarted(index, block.id(), block.name());
        JsonNode input = block.input();
        if (input != null && input.isObject() && !input.isEmpty()) {
            return List.of(started, new StreamEvent.ToolCallArguments(index, input.toString()));
        }
        return List.of(started);
    }

    private List<StreamEvent> blockDelta(AnthropicStreamEvent event) {
        AnthropicStreamEvent.Delta delta = event.delta();
        if (delta == null) {
            throw StreamData.malformed(provider, "content_block_delta has no delta");
        }
        String type = delta.type() == null ? "" : delta.type();
        if (type.equals("text_delta")) {
            return text(delta.text());
        }
        if (type.equals("input_json_delta")) {
            // A server tool's input (server_tool_use) is the provider's business, not a call for the caller.
            Integer call = event.index() == null ? null : calls.get(event.index());
            return call == null || delta.partialJson() == null || delta.partialJson().isEmpty() ? List.of()
                    : List.of(new StreamEvent.ToolCallArguments(call, delta.partialJson()));
        }
        if (type.equals("thinking_delta") && thinking != null && delta.thinking() != null && !delta.thinking().isEmpty()) {
            thinking.append(delta.thinking());
            return List.of(new StreamEvent.Thinking(delta.thinking()));
        }
        if (type.equals("signature_delta")) {
            signature = delta.signature();
        }
        return List.of();
    }

    /** The end of a thinking block: the whole block goes out, signed, for the caller to send back. */
    private List<StreamEvent> blockStop() {
        if (thinking == null) {
            return List.of();
        }
        ThinkingBlock block = new ThinkingBlock(thinking.toString(), signature, null);
        thinking = null;
        signature = null;
        return List.of(new StreamEvent.ThinkingDone(block));
    }

    /**
     * The stop reason maps as in a whole message. The usage counts are cumulative and may
     * differ from {@code message_start}'s (server tools add input as they run), so each count
     * reported here replaces the one before it, and a count left out keeps its earlier value.
     */
    private List<StreamEvent> messageDelta(AnthropicStreamEvent event) {
        List<StreamEvent> events = new ArrayList<>(2);
        if (event.delta() != null && event.delta().stopReason() != null) {
            events.add(new StreamEvent.Finished(AnthropicTranslator.finishReason(event.delta().stopReason())));
        }
        if (event.usage() != null) {
            usage = cumulative(usage, event.usage());
            events.add(new StreamEvent.UsageReported(AnthropicTranslator.usage(usage)));
        }
        return events;
    }

    private static List<StreamEvent> text(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(new StreamEvent.Text(text));
    }

    private static AnthropicResponse.Usage cumulative(AnthropicResponse.Usage before, AnthropicResponse.Usage now) {
        if (before == null) {
            return now;
        }
        return new AnthropicResponse.Usage(
                latest(before.inputTokens(), now.inputTokens()),
                latest(before.outputTokens(), now.outputTokens()),
                latest(before.cacheCreationInputTokens(), now.cacheCreationInputTokens()),
                latest(before.cacheReadInputTokens(), now.cacheReadInputTokens()));
    }

    private static Integer latest(Integer before, Integer now) {
        return now != null ? now : before;
    }
}
