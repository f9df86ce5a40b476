package dev.switchboard.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.chat.ChatMessage;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.chat.Parameters;
import dev.switchboard.chat.Role;

/** Checks a caller's request against the OpenAI contract and turns it into a {@link ChatRequest}. */
final class ChatRequestValidator {

    static final int MAX_STOP_SEQUENCES = 4;

    private ChatRequestValidator() {
    }

    static ChatRequest validate(ChatCompletionRequest body) {
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
        }
        return new ChatRequest(messages(body.messages()), body.temperature(), body.topP(), maxTokens, stop(body.stop()),
                body.seed(), body.user(), Map.copyOf(body.extra()));
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

    private static List<ChatMessage> messages(List<ChatCompletionRequest.WireMessage> wire) {
        if (wire == null || wire.isEmpty()) {
            throw new InvalidRequestException("messages", "messages must be a non-empty array");
        }
        List<ChatMessage> messages = new ArrayList<>(wire.size());
        for (int i = 0; i < wire.size(); i++) {
            messages.add(message(wire.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    private static ChatMessage message(ChatCompletionRequest.WireMessage wire, String param) {
        if (wire == null) {
            throw new InvalidRequestException(param, param + " must be an object");
        }
        if (wire.role() == null) {
            throw new InvalidRequestException(param + ".role", param + ".role is required");
        }
        Role role = Role.fromWire(wire.role()).orElseThrow(() -> new InvalidRequestException(param + ".role",
                wire.role().equals("tool") || wire.role().equals("function")
                        ? param + ".role '" + wire.role() + "' (tool calling) is not supported by this version of Switchboard yet"
                        : param + ".role must be one of system, developer, user, assistant; was '" + wire.role() + "'"));
        for (String field : wire.extra().keySet()) {
            if (field.equals("tool_calls") || field.equals("function_call") || field.equals("audio")) {
                throw new InvalidRequestException(param + "." + field,
                        param + "." + field + " is not supported by this version of Switchboard yet");
            }
        }
        return new ChatMessage(role, parts(wire.content(), param + ".content"), wire.name());
    }

    private static List<String> parts(JsonNode content, String param) {
        if (content == null || content.isNull()) {
            throw new InvalidRequestException(param, param + " is required");
        }
        if (content.isTextual()) {
            return List.of(content.asText());
        }
        if (!content.isArray() || content.isEmpty()) {
            throw new InvalidRequestException(param, param + " must be a string or a non-empty array of text parts");
        }
        List<String> parts = new ArrayList<>(content.size());
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String partParam = param + "[" + i + "]";
            String type = part.path("type").asText("");
            if (!type.equals("text")) {
                throw new InvalidRequestException(partParam + ".type", type.isEmpty()
                        ? partParam + ".type is required"
                        : partParam + ".type '" + type + "' is not supported by this version of Switchboard yet; only text parts are");
            }
            if (!part.path("text").isTextual()) {
                throw new InvalidRequestException(partParam + ".text", partParam + ".text must be a string");
            }
            parts.add(part.get("text").asText());
        }
        return parts;
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

    private static void checkRange(String param, Double value, double min, double max) {
        if (value != null && (value < min || value > max || value.isNaN())) {
            throw new InvalidRequestException(param, param + " must be between " + (int) min + " and " + (int) max
                    + ", was " + value);
        }
    }
}
