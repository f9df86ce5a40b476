package dev.switchboard.simulator;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.provider.ProviderId;

/** Canned answers and errors, each in its provider's documented wire format. */
final class SimulatedReplies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int ECHO_LIMIT = 200;

    private SimulatedReplies() {
    }

    static String answer(ProviderId provider, String model, String lastUserText) {
        String echo = lastUserText.length() > ECHO_LIMIT ? lastUserText.substring(0, ECHO_LIMIT) + "..." : lastUserText;
        return "[simulated " + provider + " " + model + "] This is a canned answer from Switchboard's built-in "
                + "simulator; set " + provider.keyVariable() + " to reach the real provider. You said: \"" + echo + "\"";
    }

    /** A rough token count (about four characters a token), enough to make usage figures plausible. */
    static int tokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    static ObjectNode openAiCompletion(String model, String content, int promptTokens) {
        ObjectNode body = NODES.objectNode();
        body.put("id", id("chatcmpl-sim"));
        body.put("object", "chat.completion");
        body.put("created", System.currentTimeMillis() / 1000);
        body.put("model", model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        int completion = tokens(content);
        body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completion)
                .put("total_tokens", promptTokens + completion);
        return body;
    }

    static ObjectNode anthropicMessage(String model, String content, int promptTokens) {
        ObjectNode body = NODES.objectNode();
        body.put("id", id("msg_sim"));
        body.put("type", "message");
        body.put("role", "assistant");
        body.put("model", model);
        body.putArray("content").addObject().put("type", "text").put("text", content);
        body.put("stop_reason", "end_turn");
        body.putNull("stop_sequence");
        body.putObject("usage").put("input_tokens", promptTokens).put("output_tokens", tokens(content));
        return body;
    }

    static ObjectNode geminiResponse(String model, String content, int promptTokens) {
        ObjectNode body = NODES.objectNode();
        ObjectNode candidate = body.putArray("candidates").addObject();
        candidate.putObject("content").put("role", "model").putArray("parts").addObject().put("text", content);
        candidate.put("finishReason", "STOP");
        candidate.put("index", 0);
        int completion = tokens(content);
        body.putObject("usageMetadata").put("promptTokenCount", promptTokens).put("candidatesTokenCount", completion)
                .put("totalTokenCount", promptTokens + completion);
        body.put("modelVersion", model);
        body.put("responseId", id("sim"));
        return body;
    }

    static ObjectNode error(ProviderId provider, int status) {
        String message = "Simulated failure (HTTP " + status + ") set through PUT /simulated/" + provider + "/fault";
        ObjectNode body = NODES.objectNode();
        switch (provider) {
            case ANTHROPIC -> {
                body.put("type", "error");
                body.putObject("error").put("type", anthropicType(status)).put("message", message);
            }
            case GEMINI -> body.putObject("error").put("code", status).put("message", message)
                    .put("status", geminiStatus(status));
            default -> body.putObject("error").put("message", message).put("type", openAiType(status))
                    .putNull("param").putNull("code");
        }
        return body;
    }

    private static String anthropicType(int status) {
        return switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
    }

    private static String geminiStatus(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 504 -> "DEADLINE_EXCEEDED";
            case 503 -> "UNAVAILABLE";
            default -> "INTERNAL";
        };
    }

    private static String openAiType(int status) {
        if (status == 429) {
            return "rate_limit_exceeded";
        }
        return status >= 500 ? "server_error" : "invalid_request_error";
    }

    /** The text of the last user message, whatever the provider's shape ("content" string or parts). */
    static String lastUserText(JsonNode messages, String role, String partsField) {
        String text = "";
        for (JsonNode message : messages) {
            if (!role.equals(message.path("role").asText())) {
                continue;
            }
            JsonNode content = message.path(partsField);
            if (content.isTextual()) {
                text = content.asText();
            } else {
                StringBuilder joined = new StringBuilder();
                content.forEach(part -> joined.append(part.path("text").asText("")));
                text = joined.toString();
            }
        }
        return text;
    }
}
