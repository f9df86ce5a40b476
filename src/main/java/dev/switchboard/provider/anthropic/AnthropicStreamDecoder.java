package dev.switchboard.provider.anthropic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.StreamEvent;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.StreamData;
import dev.switchboard.provider.StreamDecoder;

/**
 * Reads a streamed Messages answer: {@code message_start}, then per content block a
 * {@code content_block_start}, its {@code content_block_delta}s and a {@code content_block_stop},
 * then {@code message_delta} and {@code message_stop}, with {@code ping}s anywhere and an
 * {@code error} event when the server fails mid-stream. One per stream: the usage that
 * {@code message_start} reports is remembered for {@code message_delta} to complete.
 * <p>
 * Only text reaches the caller: tool input, thinking and signature deltas are left out, as the
 * non-streamed translation leaves out their blocks. Event types Anthropic adds later are ignored,
 * as its versioning policy asks. The type is read from the data's {@code type}, which Anthropic
 * documents on every event; the SSE event name stands in for it only when it is missing.
 */
public final class AnthropicStreamDecoder implements StreamDecoder {

    /** The events that belong to a message, which message_start opens. */
    private static final Set<String> IN_MESSAGE = Set.of(
            "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop");

    private final ProviderId provider;
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
            case "message_delta" -> messageDelta(read(node));
            case "message_stop" -> List.of(new StreamEvent.Done());
            // A ping, the stop of a block already passed on, or a type added after this release.
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
        return "text".equals(block.type()) ? text(block.text()) : List.of();
    }

    private List<StreamEvent> blockDelta(AnthropicStreamEvent event) {
        AnthropicStreamEvent.Delta delta = event.delta();
        if (delta == null) {
            throw StreamData.malformed(provider, "content_block_delta has no delta");
        }
        return "text_delta".equals(delta.type()) ? text(delta.text()) : List.of();
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
