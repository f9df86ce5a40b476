package dev.switchboard.chat;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

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
    /**
     * The request's thinking budget: its effort's, or the number of tokens itself when the effort is a
     * number (how the Messages API asks, {@code thinking.budget_tokens}).
     */
    public static Optional<Integer> budget(ChatRequest request) {
        JsonNode effort = request.extraParams().get(Parameters.REASONING_EFFORT);
        if (effort != null && effort.canConvertToInt() && effort.isIntegralNumber()) {
            return Optional.of(Math.max(0, effort.intValue()));
        }
        return effort == null || !effort.isTextual() ? Optional.empty() : Optional.ofNullable(BUDGETS.get(effort.asText()));
    }

    /**
     * The effort as OpenAI names it: as given, or for a budget of tokens the least effort that thinks
     * at least as long ({@code xhigh} beyond the largest), {@code none} for 0.
     */
    public static JsonNode level(JsonNode effort) {
        if (effort == null || !effort.isIntegralNumber()) {
            return effort;
        }
        int tokens = effort.intValue();
        String level = tokens <= 0 ? "none" : tokens <= 1024 ? "low" : tokens <= 2048 ? "medium"
                : tokens <= 4096 ? "high" : "xhigh";
        return TextNode.valueOf(level);
    }
}
