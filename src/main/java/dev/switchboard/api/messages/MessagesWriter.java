package dev.switchboard.api.messages;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.JsonText;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.Usage;

/**
 * Writes an answer, whichever provider gave it, as a message of Anthropic's Messages API: the
 * reasoning as {@code thinking} (signed when Anthropic signed it) and {@code redacted_thinking}
 * blocks, then the text, then each tool call as a {@code tool_use} block; the finish reason as
 * {@code stop_reason}; and usage as Anthropic counts it, cache reads and writes apart from the
 * rest of the input.
 */
final class MessagesWriter {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MessagesWriter() {
    }

    /** The answer's id: the upstream id when Anthropic gave one, else a new {@code msg_} id. */
    static String messageId(String upstream) {
        if (upstream != null && upstream.startsWith("msg_")) {
            return upstream;
        }
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A whole message. {@code marker} is Switchboard's own note (degraded, simulated), or null. */
    static ObjectNode message(String id, String model, List<ThinkingBlock> thinking, String text,
            List<ToolCall> calls, FinishReason finish, Usage usage, ObjectNode marker) {
        ObjectNode message = start(id, model, marker);
        ArrayNode content = message.putArray("content");
        thinking.forEach(block -> content.add(thinking(block)));
        if (!text.isEmpty() || (calls.isEmpty() && thinking.isEmpty())) {
            content.addObject().put("type", "text").put("text", text);
        }
        calls.forEach(call -> content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                .set("input", input(call.arguments())));
        message.put("stop_reason", stopReason(finish));
        message.set("usage", usage(usage));
        return message;
    }

    /** A message as {@code message_start} carries it: no content yet, no stop reason. */
    static ObjectNode start(String id, String model, ObjectNode marker) {
        ObjectNode message = NODES.objectNode();
        message.put("id", id).put("type", "message").put("role", "assistant").put("model", model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.set("usage", usage(Usage.NONE));
        if (marker != null) {
            message.set("switchboard", marker);
        }
        return message;
    }

    static ObjectNode thinking(ThinkingBlock block) {
        if (block.isRedacted()) {
            return NODES.objectNode().put("type", "redacted_thinking").put("data", block.redacted());
        }
        return NODES.objectNode().put("type", "thinking").put("thinking", block.thinking())
                .put("signature", block.signature() == null ? "" : block.signature());
    }

    /**
     * A call's arguments as the object {@code input} must be. Every provider's arguments are checked
     * to be a JSON object where the gateway reads them; text that is not one (a provider that broke
     * its own format) is kept whole under {@code _raw}, never lost.
     */
    static JsonNode input(String arguments) {
        return JsonText.object(arguments).<JsonNode>map(node -> node)
                .orElseGet(() -> NODES.objectNode().put("_raw", arguments));
    }

    static String stopReason(FinishReason finish) {
        switch (finish) {
            case LENGTH: return "max_tokens";
            case TOOL_CALLS: return "tool_use";
            case CONTENT_FILTER: return "refusal";
            default: return "end_turn";
        }
    }

    /** Anthropic's usage: {@code input_tokens} leaves out what was read from or written to the cache. */
    static ObjectNode usage(Usage usage) {
        ObjectNode node = NODES.objectNode();
        node.put("input_tokens", usage.promptTokens() - usage.cachedPromptTokens() - usage.cacheWriteTokens());
        node.put("cache_creation_input_tokens", usage.cacheWriteTokens());
        node.put("cache_read_input_tokens", usage.cachedPromptTokens());
        node.put("output_tokens", usage.completionTokens());
        return node;
    }
}
