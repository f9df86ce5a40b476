package dev.switchboard.chat;

import java.util.ArrayList;
import java.util.HashMap;
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
 * @param tools       the functions offered to the model and how it may call them; {@link Tools#NONE} when none
 * @param format      the shape the answer's text must have; {@link ResponseFormat#TEXT} when the caller set none
 * @param anthropicBeta the {@code anthropic-beta} header a Messages API caller sent, passed on to Anthropic
 *                    routes only (the features it names exist nowhere else); null when none
 */
public record ChatRequest(
        List<ChatMessage> messages,
        Double temperature,
        Double topP,
        Integer maxTokens,
        List<String> stop,
        Long seed,
        String user,
        Map<String, JsonNode> extraParams,
        Tools tools,
        ResponseFormat format,
        String anthropicBeta) {

    public ChatRequest {
        messages = List.copyOf(messages);
        stop = stop == null ? List.of() : List.copyOf(stop);
        extraParams = extraParams == null ? Map.of() : Map.copyOf(extraParams);
        tools = tools == null ? Tools.NONE : tools;
        format = format == null ? ResponseFormat.TEXT : format;
    }

    /** A request without Anthropic beta features. */
    public ChatRequest(List<ChatMessage> messages, Double temperature, Double topP, Integer maxTokens, List<String> stop,
            Long seed, String user, Map<String, JsonNode> extraParams, Tools tools, ResponseFormat format) {
        this(messages, temperature, topP, maxTokens, stop, seed, user, extraParams, tools, format, null);
    }

    /** A request that offers no tools and asks for plain text. */
    public ChatRequest(List<ChatMessage> messages, Double temperature, Double topP, Integer maxTokens, List<String> stop,
            Long seed, String user, Map<String, JsonNode> extraParams) {
        this(messages, temperature, topP, maxTokens, stop, seed, user, extraParams, Tools.NONE, ResponseFormat.TEXT);
    }

    public static ChatRequest of(List<ChatMessage> messages) {
        return new ChatRequest(messages, null, null, null, List.of(), null, null, Map.of());
    }

    public ChatRequest withMaxTokens(Integer value) {
        return new ChatRequest(messages, temperature, topP, value, stop, seed, user, extraParams, tools, format, anthropicBeta);
    }

    public ChatRequest withTemperature(Double value) {
        return new ChatRequest(messages, value, topP, maxTokens, stop, seed, user, extraParams, tools, format, anthropicBeta);
    }

    public ChatRequest withStop(List<String> value) {
        return new ChatRequest(messages, temperature, topP, maxTokens, value, seed, user, extraParams, tools, format, anthropicBeta);
    }

    public ChatRequest withExtraParams(Map<String, JsonNode> value) {
        return new ChatRequest(messages, temperature, topP, maxTokens, stop, seed, user, value, tools, format, anthropicBeta);
    }

    public ChatRequest withTools(Tools value) {
        return new ChatRequest(messages, temperature, topP, maxTokens, stop, seed, user, extraParams, value, format, anthropicBeta);
    }

    public ChatRequest withAnthropicBeta(String value) {
        return new ChatRequest(messages, temperature, topP, maxTokens, stop, seed, user, extraParams, tools, format, value);
    }

    public ChatRequest withFormat(ResponseFormat value) {
        return new ChatRequest(messages, temperature, topP, maxTokens, stop, seed, user, extraParams, tools, value,
                anthropicBeta);
    }

    /** The conversation with the start of an answer appended as an assistant turn, for a provider to continue. */
    public ChatRequest continuing(String answerSoFar) {
        List<ChatMessage> extended = new ArrayList<>(messages);
        extended.add(new ChatMessage(Role.ASSISTANT, List.of(answerSoFar), null));
        return new ChatRequest(extended, temperature, topP, maxTokens, stop, seed, user, extraParams, tools, format, anthropicBeta);
    }

    /**
     * The same request without {@code reasoning_effort}: a continuation carries on from words already
     * sent, and the reasoning behind them has been shown once.
     */
    public ChatRequest withoutReasoning() {
        if (!extraParams.containsKey(Parameters.REASONING_EFFORT)) {
            return this;
        }
        Map<String, JsonNode> rest = new HashMap<>(extraParams);
        rest.remove(Parameters.REASONING_EFFORT);
        return withExtraParams(rest);
    }

    /** Whether any message carries an image. */
    public boolean hasImages() {
        return messages.stream().anyMatch(ChatMessage::hasImages);
    }

    /**
     * The assistant's call with this id: the one a tool result answers (the latest assistant turn
     * that made a call with the id). The validator has made sure every tool message has one.
     */
    public Optional<ToolCall> toolCall(String id) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Optional<ToolCall> call = messages.get(i).call(id);
            if (call.isPresent()) {
                return call;
            }
        }
        return Optional.empty();
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
     * The conversation without its instructions, consecutive user or assistant messages merged into
     * one turn (taking the instructions out can make such neighbours, and providers with strict
     * turn-taking reject them). Each part stays a part, keeping its boundary; an assistant turn keeps
     * every tool call in order. Tool results are never merged: each answers its own call, and each
     * provider's translator groups them as its API wants.
     */
    public List<ChatMessage> turns() {
        List<ChatMessage> turns = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (message.role().isInstruction()) {
                continue;
            }
            int last = turns.size() - 1;
            if (last >= 0 && turns.get(last).role() == message.role() && message.role() != Role.TOOL) {
                ChatMessage before = turns.get(last);
                List<ContentPart> content = new ArrayList<>(before.content());
                content.addAll(message.content());
                List<ToolCall> calls = new ArrayList<>(before.toolCalls());
                calls.addAll(message.toolCalls());
                List<ThinkingBlock> thinking = new ArrayList<>(before.thinking());
                thinking.addAll(message.thinking());
                turns.set(last, new ChatMessage(message.role(), content, null, calls, null, thinking));
            } else {
                turns.add(message);
            }
        }
        return List.copyOf(turns);
    }
}
