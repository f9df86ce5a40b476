package dev.switchboard.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A validated chat request, independent of any provider.
 *
 * @param maxTokens   the caller's output limit ({@code max_completion_tokens} or {@code max_tokens}), or null
 * @param stop        stop sequences, empty when none
 * @param extraParams OpenAI parameters Switchboard does not translate; forwarded verbatim to
 *                    OpenAI-format upstreams and, unless listed in {@link Parameters#DROPPABLE},
 *                    a reason for other providers to decline the request
 */
public record ChatRequest(
        List<ChatMessage> messages,
        Double temperature,
        Double topP,
        Integer maxTokens,
        List<String> stop,
        Long seed,
        String user,
        Map<String, JsonNode> extraParams) {

    public ChatRequest {
        messages = List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
        extraParams = extraParams == null ? Map.of() : Map.copyOf(extraParams);
    }

    public static ChatRequest of(List<ChatMessage> messages) {
        return new ChatRequest(messages, null, null, null, List.of(), null, null, Map.of());
    }

    public ChatRequest withMaxTokens(Integer value) {
        return new ChatRequest(messages, temperature, topP, value, stop, seed, user, extraParams);
    }

    public ChatRequest withTemperature(Double value) {
        return new ChatRequest(messages, value, topP, maxTokens, stop, seed, user, extraParams);
    }

    public ChatRequest withStop(List<String> value) {
        return new ChatRequest(messages, temperature, topP, maxTokens, value, seed, user, extraParams);
    }

    public ChatRequest withExtraParams(Map<String, JsonNode> value) {
        return new ChatRequest(messages, temperature, topP, maxTokens, stop, seed, user, value);
    }

    /** The conversation with the start of an answer appended as an assistant turn, for a provider to continue. */
    public ChatRequest continuing(String answerSoFar) {
        List<ChatMessage> extended = new ArrayList<>(messages);
        extended.add(new ChatMessage(Role.ASSISTANT, List.of(answerSoFar), null));
        return new ChatRequest(extended, temperature, topP, maxTokens, stop, seed, user, extraParams);
    }

    /** True when some message is more than an instruction: the Messages and Gemini APIs need one. */
    public boolean hasConversation() {
        return messages.stream().anyMatch(m -> !m.role().isInstruction());
    }

    /**
     * Every system and developer message, in order, as one system prompt for providers that take a
     * single one (Anthropic, Gemini); paragraphs apart, so no instruction runs into the next.
     */
    public Optional<String> systemPrompt() {
        List<String> instructions = messages.stream().filter(m -> m.role().isInstruction()).map(ChatMessage::text)
                .toList();
        return instructions.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", instructions));
    }

    /**
     * The conversation without its instructions, consecutive messages of one role merged into one turn
     * (taking the instructions out can make such neighbours, and providers with strict turn-taking
     * reject them). Each part stays a part, keeping its boundary.
     */
    public List<ChatMessage> turns() {
        List<ChatMessage> turns = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message.role().isInstruction()) {
                continue;
            }
            int last = turns.size() - 1;
            if (last >= 0 && turns.get(last).role() == message.role()) {
                List<String> parts = new ArrayList<>(turns.get(last).parts());
                parts.addAll(message.parts());
                turns.set(last, new ChatMessage(message.role(), parts, null));
            } else {
                turns.add(message);
            }
        }
        return List.copyOf(turns);
    }
}
