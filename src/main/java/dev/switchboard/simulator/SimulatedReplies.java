package dev.switchboard.simulator;

import java.util.UUID;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.anthropic.AnthropicErrorResponse;
import dev.switchboard.provider.anthropic.AnthropicResponse;
import dev.switchboard.provider.gemini.GeminiContent;
import dev.switchboard.provider.gemini.GeminiResponse;
import dev.switchboard.provider.openai.OpenAiChatResponse;

/** Canned answers and errors, each in its provider's documented wire format, built from the clients' own wire records. */
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

    static OpenAiChatResponse openAiCompletion(String model, String content, int promptTokens) {
        int completion = tokens(content);
        return new OpenAiChatResponse(id("chatcmpl-sim"), "chat.completion", System.currentTimeMillis() / 1000, model,
                List.of(new OpenAiChatResponse.Choice(0, new OpenAiChatResponse.Message("assistant", content, null), "stop")),
                new OpenAiChatResponse.Usage(promptTokens, completion, promptTokens + completion), null);
    }

    static AnthropicResponse anthropicMessage(String model, String content, int promptTokens) {
        return new AnthropicResponse(id("msg_sim"), "message", "assistant", model,
                List.of(new AnthropicResponse.ContentBlock("text", content)), "end_turn", null,
                new AnthropicResponse.Usage(promptTokens, tokens(content), null, null));
    }

    static GeminiResponse geminiResponse(String model, String content, int promptTokens) {
        int completion = tokens(content);
        GeminiContent answer = new GeminiContent("model", List.of(new GeminiContent.Part(content)));
        return new GeminiResponse(List.of(new GeminiResponse.Candidate(answer, "STOP", 0)), null,
                new GeminiResponse.UsageMetadata(promptTokens, completion, promptTokens + completion, null), model,
                id("sim"));
    }

    /** Anthropic's error object has a record; OpenAI's and Google's are read as trees, so written as trees. */
    static Object error(ProviderId provider, int status) {
        String message = "Simulated failure (HTTP " + status + ") set through PUT /simulated/" + provider + "/fault";
        return switch (provider) {
            case ANTHROPIC -> new AnthropicErrorResponse("error",
                    new AnthropicErrorResponse.Detail(anthropicType(status), message), id("req_sim"));
            case GEMINI -> {
                ObjectNode body = NODES.objectNode();
                body.putObject("error").put("code", status).put("message", message).put("status", geminiStatus(status));
                yield body;
            }
            default -> {
                ObjectNode body = NODES.objectNode();
                body.putObject("error").put("message", message).put("type", openAiType(status))
                        .putNull("param").putNull("code");
                yield body;
            }
        };
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
