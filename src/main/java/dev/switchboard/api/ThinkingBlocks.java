package dev.switchboard.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.ThinkingBlock;

/**
 * Reads reasoning as callers send it back: {@code reasoning_effort}, and an assistant message's
 * {@code thinking_blocks} ({@code {"type":"thinking","thinking":...,"signature":...}} or
 * {@code {"type":"redacted_thinking","data":...}}), in the shape Switchboard's answers carry them,
 * as other gateways do.
 */
public final class ThinkingBlocks {

    static final String EFFORT = Parameters.REASONING_EFFORT;
    public static final Set<String> EFFORTS = Set.of("none", "minimal", "low", "medium", "high", "xhigh");

    private ThinkingBlocks() {
    }

    static void checkEffort(JsonNode effort) {
        if (effort != null && !effort.isNull() && (!effort.isTextual() || !EFFORTS.contains(effort.asText()))) {
            throw new InvalidRequestException(EFFORT, EFFORT + " must be one of none, minimal, low, medium, high, xhigh");
        }
    }

    static List<ThinkingBlock> read(JsonNode blocks, String param) {
        if (!ToolParameters.present(blocks)) {
            return List.of();
        }
        if (!blocks.isArray()) {
            throw new InvalidRequestException(param, param + " must be an array");
        }
        List<ThinkingBlock> read = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            String at = param + "[" + i + "]";
            JsonNode block = blocks.get(i);
            String type = block == null ? "" : block.path("type").asText("");
            if (type.equals("thinking") && block.path("thinking").isTextual()) {
                JsonNode signature = block.get("signature");
                if (ToolParameters.present(signature) && !signature.isTextual()) {
                    throw new InvalidRequestException(at + ".signature", at + ".signature must be a string");
                }
                read.add(new ThinkingBlock(block.get("thinking").asText(),
                        ToolParameters.present(signature) ? signature.asText() : null, null));
            } else if (type.equals("redacted_thinking") && block.path("data").isTextual()) {
                read.add(new ThinkingBlock("", null, block.get("data").asText()));
            } else {
                throw new InvalidRequestException(at, at + " must be {\"type\":\"thinking\",\"thinking\":...,"
                        + "\"signature\":...} or {\"type\":\"redacted_thinking\",\"data\":...}");
            }
        }
        return read;
    }
}
