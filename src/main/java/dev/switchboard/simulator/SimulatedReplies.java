package dev.switchboard.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    static final String OPENAI_STOP = "stop";
    static final String OPENAI_TOOL_CALLS = "tool_calls";
    static final String ANTHROPIC_STOP = "end_turn";
    static final String ANTHROPIC_TOOL_USE = "tool_use";
    static final String GEMINI_STOP = "STOP";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int ECHO_LIMIT = 200;
    /** A few words per streamed piece, about what a model sends per event. */
    private static final int WORDS_PER_PIECE = 3;

    private SimulatedReplies() {
    }

    static String answer(ProviderId provider, String model, String lastUserText) {
        String echo = lastUserText.length() > ECHO_LIMIT ? lastUserText.substring(0, ECHO_LIMIT) + "..." : lastUserText;
        return "[simulated " + provider + " " + model + "] This is a canned answer from Switchboard's built-in "
                + "simulator; " + (provider.type().keyVariable() == null ? "configure the instance"
                        : "set " + provider.type().keyVariable()) + " to reach the real provider. You said: \"" + echo + "\"";
    }

    /** A rough token count (about four characters a token), enough to make usage figures plausible. */
    static int tokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /**
     * The answer in the pieces a stream sends it in, a few words each. Every piece keeps its
     * whitespace, so the pieces joined are exactly the answer a call that is not streamed gets.
     */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int words = 0;
        for (int i = 1; i < text.length(); i++) {
            boolean wordStarts = Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i));
            if (wordStarts && ++words == WORDS_PER_PIECE) {
                pieces.add(text.substring(start, i));
                start = i;
                words = 0;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    /** A text answer, or a tool call ({@code content: null}, {@code finish_reason: tool_calls}). */
    static OpenAiChatResponse openAiCompletion(String model, SimulatedTurn turn, int promptTokens) {
        OpenAiChatResponse.Message message = turn.call()
                .map(call -> new OpenAiChatResponse.Message("assistant", null, null, List.of(new OpenAiChatResponse.ToolCall(
                        id("call_sim"), "function", new OpenAiChatResponse.Function(call.name(), call.arguments().toString()))),
                        null))
                .orElseGet(() -> new OpenAiChatResponse.Message("assistant", turn.text()));
        return new OpenAiChatResponse(id("chatcmpl-sim"), "chat.completion", System.currentTimeMillis() / 1000, model,
                List.of(new OpenAiChatResponse.Choice(0, message, null, turn.call().isPresent() ? OPENAI_TOOL_CALLS : OPENAI_STOP)),
                openAiUsage(written(turn), promptTokens), null);
    }

    /** What the model wrote, for its token count: the text, or the call's name and arguments. */
    static String written(SimulatedTurn turn) {
        return turn.call().map(call -> call.name() + call.arguments()).orElse(turn.text());
    }

    static OpenAiChatResponse.Usage openAiUsage(String content, int promptTokens) {
        int completion = tokens(content);
        return new OpenAiChatResponse.Usage(promptTokens, completion, promptTokens + completion, null, null);
    }

    /** A text answer, or a {@code tool_use} block with {@code stop_reason: tool_use}. */
    static AnthropicResponse anthropicMessage(String model, SimulatedTurn turn, int promptTokens) {
        AnthropicResponse.ContentBlock block = turn.call()
                .map(call -> new AnthropicResponse.ContentBlock("tool_use", null, id("toolu_sim"), call.name(),
                        call.arguments(), null, null, null))
                .orElseGet(() -> new AnthropicResponse.ContentBlock("text", turn.text()));
        List<AnthropicResponse.ContentBlock> blocks = new ArrayList<>();
        turn.thinking().ifPresent(thought -> blocks.add(new AnthropicResponse.ContentBlock("thinking", null, null, null,
                null, thought, SimulatedTurn.SIGNATURE, null)));
        blocks.add(block);
        return anthropicMessage(id("msg_sim"), model, blocks, turn.call().isPresent() ? ANTHROPIC_TOOL_USE
                : ANTHROPIC_STOP, new AnthropicResponse.Usage(promptTokens, tokens(written(turn)), null, null));
    }

    /** A message as a whole, or as a stream's {@code message_start} announces it: no content and no stop reason yet. */
    static AnthropicResponse anthropicMessage(String id, String model, List<AnthropicResponse.ContentBlock> content,
            String stopReason, AnthropicResponse.Usage usage) {
        return new AnthropicResponse(id, "message", "assistant", model, content, stopReason, null, usage);
    }

    static GeminiResponse geminiResponse(String model, SimulatedTurn turn, int promptTokens) {
        List<GeminiContent.Part> parts = new ArrayList<>();
        turn.thinking().ifPresent(thought -> parts.add(geminiThought(thought)));
        parts.add(geminiPart(turn.call(), turn.text()));
        return geminiResponse(id("sim"), model, parts, GEMINI_STOP, geminiUsage(written(turn), promptTokens));
    }

    /** A thought summary, as Gemini sends them when asked to ({@code includeThoughts}). */
    static GeminiContent.Part geminiThought(String thought) {
        return new GeminiContent.Part(thought, null, null, null, null, null, true);
    }

    /** A text part, or a {@code functionCall} part (Gemini gives calls no id, and sends them whole). */
    static GeminiContent.Part geminiPart(Optional<SimulatedTurn.Call> call, String text) {
        return call.map(c -> new GeminiContent.Part(null, null, null, new GeminiContent.FunctionCall(null, c.name(),
                c.arguments()), null, null)).orElseGet(() -> new GeminiContent.Part(text));
    }

    /** A whole answer, or one chunk of a stream: only the last chunk has a finish reason and usage. */
    static GeminiResponse geminiResponse(String responseId, String model, List<GeminiContent.Part> parts,
            String finishReason, GeminiResponse.UsageMetadata usage) {
        GeminiContent answer = new GeminiContent("model", parts);
        return new GeminiResponse(List.of(new GeminiResponse.Candidate(answer, finishReason, 0)), null, usage, model,
                responseId);
    }

    static GeminiResponse.UsageMetadata geminiUsage(String content, int promptTokens) {
        int completion = tokens(content);
        return new GeminiResponse.UsageMetadata(promptTokens, completion, promptTokens + completion, null, null);
    }

    /** Anthropic's error object has a record; OpenAI's and Google's are read as trees, so written as trees. */
    static Object error(ProviderId provider, int status) {
        String message = "Simulated failure (HTTP " + status + ") set through PUT /simulated/" + provider + "/fault";
        return switch (provider.type()) {
            case ANTHROPIC -> new AnthropicErrorResponse("error",
                    new AnthropicErrorResponse.Detail(anthropicType(status), message), id("req_sim"));
            case GEMINI, VERTEX_AI -> {
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
