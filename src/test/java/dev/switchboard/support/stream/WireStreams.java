package dev.switchboard.support.stream;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Each provider's streaming wire format, event by event, as their API references document it:
 * OpenAI's {@code chat.completion.chunk} events and {@code [DONE]}; Anthropic's named Messages
 * events; Gemini's {@code streamGenerateContent?alt=sse} responses, which end without a sentinel.
 */
public final class WireStreams {

    public static final String DONE = "data: [DONE]\n\n";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long CREATED = 1_732_000_000L;

    private WireStreams() {
    }

    /** A whole OpenAI stream: the role, the pieces, the finish, the usage chunk (asked for by the gateway), [DONE]. */
    public static List<String> openAi(String model, String... pieces) {
        List<String> events = new ArrayList<>(openAiStart(model, pieces));
        events.add(openAiFinish(model, "stop"));
        events.add(openAiUsage(model, 12, pieces.length));
        events.add(DONE);
        return events;
    }

    /** The role chunk and the content pieces, with nothing to end them. */
    public static List<String> openAiStart(String model, String... pieces) {
        List<String> events = new ArrayList<>();
        events.add(openAiChunk(model, delta("assistant", ""), null));
        for (String piece : pieces) {
            events.add(openAiText(model, piece));
        }
        return events;
    }

    public static String openAiText(String model, String piece) {
        return openAiChunk(model, delta(null, piece), null);
    }

    public static String openAiFinish(String model, String reason) {
        return openAiChunk(model, JSON.objectNode(), reason);
    }

    public static String openAiUsage(String model, int prompt, int completion) {
        ObjectNode chunk = openAiEnvelope(model);
        chunk.putArray("choices");
        chunk.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return data(chunk);
    }

    private static String openAiChunk(String model, ObjectNode delta, String finishReason) {
        ObjectNode chunk = openAiEnvelope(model);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        chunk.putNull("usage");
        return data(chunk);
    }

    private static ObjectNode openAiEnvelope(String model) {
        ObjectNode chunk = JSON.objectNode();
        chunk.put("id", "chatcmpl-upstream123").put("object", "chat.completion.chunk").put("created", CREATED)
                .put("model", model).put("system_fingerprint", "fp_test");
        return chunk;
    }

    private static ObjectNode delta(String role, String content) {
        ObjectNode delta = JSON.objectNode();
        if (role != null) {
            delta.put("role", role);
        }
        delta.put("content", content);
        return delta;
    }

    /** A whole Anthropic Messages stream, ping included. */
    public static List<String> anthropic(String model, String... pieces) {
        List<String> events = new ArrayList<>(anthropicStart(model, pieces));
        events.add(named("content_block_stop", JSON.objectNode().put("type", "content_block_stop").put("index", 0)));
        ObjectNode delta = JSON.objectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", pieces.length);
        events.add(named("message_delta", delta));
        events.add(named("message_stop", JSON.objectNode().put("type", "message_stop")));
        return events;
    }

    public static List<String> anthropicStart(String model, String... pieces) {
        List<String> events = new ArrayList<>();
        ObjectNode start = JSON.objectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message");
        message.put("id", "msg_upstream123").put("type", "message").put("role", "assistant").put("model", model);
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", 12).put("output_tokens", 1);
        events.add(named("message_start", start));
        ObjectNode block = JSON.objectNode().put("type", "content_block_start").put("index", 0);
        block.putObject("content_block").put("type", "text").put("text", "");
        events.add(named("content_block_start", block));
        events.add(named("ping", JSON.objectNode().put("type", "ping")));
        for (String piece : pieces) {
            ObjectNode delta = JSON.objectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", piece);
            events.add(named("content_block_delta", delta));
        }
        return events;
    }

    public static String anthropicError(String type, String message) {
        ObjectNode error = JSON.objectNode().put("type", "error");
        error.putObject("error").put("type", type).put("message", message);
        return named("error", error);
    }

    /** A whole Gemini stream: one response per piece, the last with its finish reason and usage; no sentinel. */
    public static List<String> gemini(String model, String... pieces) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            boolean last = i == pieces.length - 1;
            ObjectNode response = JSON.objectNode();
            ObjectNode candidate = response.putArray("candidates").addObject();
            ObjectNode content = candidate.putObject("content");
            content.putArray("parts").addObject().put("text", pieces[i]);
            content.put("role", "model");
            candidate.put("index", 0);
            if (last) {
                candidate.put("finishReason", "STOP");
            }
            response.putObject("usageMetadata").put("promptTokenCount", 12).put("candidatesTokenCount", i + 1)
                    .put("totalTokenCount", 13 + i);
            response.put("modelVersion", model).put("responseId", "gemini-upstream123");
            events.add(data(response));
        }
        return events;
    }

    private static String data(ObjectNode node) {
        return "data: " + node + "\n\n";
    }

    private static String named(String event, ObjectNode node) {
        return "event: " + event + "\n" + data(node);
    }
}
