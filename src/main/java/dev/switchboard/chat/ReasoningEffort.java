package dev.switchboard.chat;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OpenAI's {@code reasoning_effort} as a budget of thinking tokens, for the providers that take a
 * budget (Anthropic's extended thinking, Gemini's {@code thinkingConfig}). The budgets are the ones
 * other gateways use; 1,024 is the least Anthropic takes. {@code none} is a budget of 0: no thinking.
 */
public final class ReasoningEffort {

    private static final Map<String, Integer> BUDGETS = Map.of(
            "none", 0, "minimal", 1024, "low", 1024, "medium", 2048, "high", 4096, "xhigh", 8192);

    private ReasoningEffort() {
    }

    /** The thinking budget the request asks for, if it sets {@code reasoning_effort}. */
    public static Optional<Integer> budget(ChatRequest request) {
        JsonNode effort = request.extraParams().get(Parameters.REASONING_EFFORT);
        return effort == null || !effort.isTextual() ? Optional.empty() : Optional.ofNullable(BUDGETS.get(effort.asText()));
    }
}
