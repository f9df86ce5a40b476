package dev.switchboard.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.CacheHint;
import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ContentPart;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.ResponseFormat;
import dev.switchboard.chat.Role;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.Tools;

/** Checks a caller's request against the OpenAI contract and turns it into a {@link ChatRequest}. */
final class ChatRequestValidator {

    static final int MAX_STOP_SEQUENCES = 4;
    static final int MAX_TOP_LOGPROBS = 20;

    private ChatRequestValidator() {
    }

    static ChatRequest validate(ChatCompletionRequest body, long maxImageBytes) {
        if (body == null) {
            throw new InvalidRequestException(null, "The request body is required: a JSON chat completion request");
        }
        checkStreamOptions(body);
        if (body.n() != null && body.n() != 1) {
            throw new InvalidRequestException("n", "n must be 1: Switchboard returns one choice per request");
        }
        checkRange("temperature", body.temperature(), 0, 2);
        checkRange("top_p", body.topP(), 0, 1);
        Integer maxTokens = body.maxCompletionTokens() != null ? body.maxCompletionTokens() : body.maxTokens();
        String maxTokensParam = body.maxCompletionTokens() != null ? "max_completion_tokens" : "max_tokens";
        if (maxTokens != null && maxTokens < 1) {
            throw new InvalidRequestException(maxTokensParam, maxTokensParam + " must be at least 1, was " + maxTokens);
        }
        for (String name : body.extra().keySet()) {
            if (Parameters.NOT_YET_SUPPORTED.contains(name)) {
                throw new InvalidRequestException(name, name + " is not supported by this version of Switchboard yet");
            }
            if (Parameters.DEPRECATED.contains(name)) {
                throw new InvalidRequestException(name, name + " is deprecated by OpenAI and not supported; use "
                        + (name.equals("functions") ? "tools" : "tool_choice"));
            }
        }
        checkLogprobs(body);
        ThinkingBlocks.checkEffort(body.extra().get(ThinkingBlocks.EFFORT));
        Tools tools = ToolParameters.read(body.tools(), body.toolChoice(), body.parallelToolCalls());
        ResponseFormat format = ResponseFormats.read(body.responseFormat());
        return new ChatRequest(messages(body.messages(), new ContentParts(maxImageBytes)), body.temperature(),
                body.topP(), maxTokens, stop(body.stop()), body.seed(), body.user(), Map.copyOf(body.extra()), tools,
                format);
    }

    static boolean streams(ChatCompletionRequest body) {
        return Boolean.TRUE.equals(body.stream());
    }

    /** {@code stream_options.include_usage}: whether the stream ends with a usage chunk. */
    static boolean includeUsage(ChatCompletionRequest body) {
        JsonNode options = body.extra().get("stream_options");
        return options != null && options.path("include_usage").asBoolean(false);
    }

    /** OpenAI's rules: an object, only with {@code stream: true}, {@code include_usage} a boolean. */
    private static void checkStreamOptions(ChatCompletionRequest body) {
        JsonNode options = body.extra().get("stream_options");
        if (options == null || options.isNull()) {
            return;
        }
        if (!streams(body)) {
            throw new InvalidRequestException("stream_options", "stream_options is only allowed when stream is true");
        }
        if (!options.isObject()) {
            throw new InvalidRequestException("stream_options", "stream_options must be an object");
        }
        JsonNode includeUsage = options.get("include_usage");
        if (includeUsage != null && !includeUsage.isBoolean() && !includeUsage.isNull()) {
            throw new InvalidRequestException("stream_options.include_usage", "stream_options.include_usage must be a boolean");
        }
    }

    private static List<ChatMessage> messages(List<ChatCompletionRequest.WireMessage> wire, ContentParts contents) {
        if (wire == null || wire.isEmpty()) {
            throw new InvalidRequestException("messages", "messages must be a non-empty array");
        }
        List<ChatMessage> messages = new ArrayList<>(wire.size());
        Set<String> calls = new HashSet<>();
        for (int i = 0; i < wire.size(); i++) {
            ChatMessage message = message(wire.get(i), "messages[" + i + "]", contents);
            if (message.role() == Role.TOOL && !calls.contains(message.toolCallId())) {
                throw new InvalidRequestException("messages[" + i + "].tool_call_id", "messages[" + i
                        + "].tool_call_id '" + message.toolCallId() + "' does not answer any tool call of an earlier assistant message");
            }
            message.toolCalls().forEach(call -> calls.add(call.id()));
            messages.add(message);
        }
        return messages;
    }

    private static ChatMessage message(ChatCompletionRequest.WireMessage wire, String param, ContentParts contents) {
        if (wire == null) {
            throw new InvalidRequestException(param, param + " must be an object");
        }
        if (wire.role() == null) {
            throw new InvalidRequestException(param + ".role", param + ".role is required");
        }
        Role role = Role.fromWire(wire.role()).orElseThrow(() -> new InvalidRequestException(param + ".role",
                wire.role().equals("function")
                        ? param + ".role 'function' is deprecated by OpenAI and not supported; use 'tool'"
                        : param + ".role must be one of system, developer, user, assistant, tool; was '" + wire.role() + "'"));
        for (String field : wire.extra().keySet()) {
            if (field.equals("function_call") || field.equals("audio")) {
                throw new InvalidRequestException(param + "." + field,
                        param + "." + field + " is not supported by Switchboard" + (field.equals("function_call")
                                ? "; use tool_calls" : " yet"));
            }
        }
        if (role != Role.ASSISTANT && ToolParameters.present(wire.toolCalls())) {
            throw new InvalidRequestException(param + ".tool_calls", param + ".tool_calls is only allowed on assistant messages");
        }
        if (role != Role.TOOL && ToolParameters.present(wire.toolCallId())) {
            throw new InvalidRequestException(param + ".tool_call_id", param + ".tool_call_id is only allowed on tool messages");
        }
        List<ToolCall> toolCalls = ToolParameters.calls(wire.toolCalls(), param + ".tool_calls");
        String toolCallId = null;
        if (role == Role.TOOL) {
            if (wire.toolCallId() == null || !wire.toolCallId().isTextual() || wire.toolCallId().asText().isEmpty()) {
                throw new InvalidRequestException(param + ".tool_call_id", param + ".tool_call_id is required on tool messages");
            }
            toolCallId = wire.toolCallId().asText();
        }
        List<ContentPart> content;
        boolean empty = wire.content() == null || wire.content().isNull()
                || (wire.content().isTextual() && wire.content().asText().isEmpty());
        if (!toolCalls.isEmpty() && empty) {
            // An assistant turn that only calls tools has no content, as OpenAI sends it.
            content = List.of();
        } else if (wire.content() == null || wire.content().isNull()) {
            throw new InvalidRequestException(param + ".content", param + ".content is required");
        } else {
            content = contents.read(wire.content(), param + ".content", role == Role.USER, "a " + role.wireName() + " message");
        }
        content = withCacheHint(content, ContentParts.cacheHint(wire.cacheControl(), param + ".cache_control"));
        if (role != Role.ASSISTANT && ToolParameters.present(wire.thinkingBlocks())) {
            throw new InvalidRequestException(param + ".thinking_blocks",
                    param + ".thinking_blocks is only allowed on assistant messages");
        }
        List<ThinkingBlock> thinking = ThinkingBlocks.read(wire.thinkingBlocks(), param + ".thinking_blocks");
        return new ChatMessage(role, content, wire.name(), toolCalls, toolCallId, thinking);
    }

    /** A message-level {@code cache_control} marks the message's last part, as a breakpoint after it. */
    private static List<ContentPart> withCacheHint(List<ContentPart> content, CacheHint hint) {
        if (hint == null || content.isEmpty()) {
            return content;
        }
        List<ContentPart> marked = new ArrayList<>(content);
        int last = marked.size() - 1;
        ContentPart part = marked.get(last);
        marked.set(last, part instanceof ContentPart.Image image
                ? new ContentPart.Image(image.source(), image.detail(), hint)
                : new ContentPart.Text(((ContentPart.Text) part).text(), hint));
        return marked;
    }

    private static List<String> stop(JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return List.of();
        }
        if (stop.isTextual()) {
            return List.of(stop.asText());
        }
        if (!stop.isArray() || stop.size() > MAX_STOP_SEQUENCES) {
            throw new InvalidRequestException("stop", "stop must be a string or an array of at most "
                    + MAX_STOP_SEQUENCES + " strings");
        }
        List<String> sequences = new ArrayList<>();
        for (JsonNode sequence : stop) {
            if (!sequence.isTextual()) {
                throw new InvalidRequestException("stop", "stop must contain only strings");
            }
            sequences.add(sequence.asText());
        }
        return sequences;
    }

    /** OpenAI's rules: {@code logprobs} a boolean; {@code top_logprobs} 0 to 20, and only with {@code logprobs: true}. */
    private static void checkLogprobs(ChatCompletionRequest body) {
        JsonNode logprobs = body.extra().get("logprobs");
        if (logprobs != null && !logprobs.isNull() && !logprobs.isBoolean()) {
            throw new InvalidRequestException("logprobs", "logprobs must be a boolean");
        }
        JsonNode top = body.extra().get("top_logprobs");
        if (top == null || top.isNull()) {
            return;
        }
        if (!top.isIntegralNumber() || top.asInt() < 0 || top.asInt() > MAX_TOP_LOGPROBS) {
            throw new InvalidRequestException("top_logprobs", "top_logprobs must be an integer from 0 to " + MAX_TOP_LOGPROBS);
        }
        if (logprobs == null || !logprobs.asBoolean()) {
            throw new InvalidRequestException("top_logprobs", "top_logprobs is only allowed when logprobs is true");
        }
    }

    private static void checkRange(String param, Double value, double min, double max) {
        if (value != null && (value < min || value > max || value.isNaN())) {
            throw new InvalidRequestException(param, param + " must be between " + (int) min + " and " + (int) max
                    + ", was " + value);
        }
    }
}
