package dev.switchboard.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.provider.anthropic.AnthropicResponse;
import dev.switchboard.provider.gemini.GeminiContent;
import dev.switchboard.provider.gemini.GeminiResponse;
import dev.switchboard.provider.openai.OpenAiChatChunk;
import dev.switchboard.provider.openai.OpenAiChatResponse;

/**
 * The simulator's answers as the bytes a provider sends: one JSON document, or the server-sent
 * events of a stream in each provider's documented sequence. Written with the application's own
 * {@link ObjectMapper}, so a document is byte for byte what the REST layer would write. The wire
 * records leave nulls out, but some stream fields are documented as present and null until they
 * are known ({@code finish_reason}, {@code stop_reason}...): those are spelt out here.
 */
final class SimulatedWire {

    private static final String OPENAI_DONE = "[DONE]";

    private final ObjectMapper mapper;

    SimulatedWire(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    byte[] json(Object document) {
        try {
            return mapper.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a simulated answer could not be written as JSON", e);
        }
    }

    /**
     * {@code chat.completion.chunk}s: the role, the answer in pieces, the finish with an empty delta,
     * the usage alone when {@code stream_options.include_usage} asked for it (the other chunks then
     * carry {@code "usage": null}), and {@code [DONE]}.
     */
    List<String> openAiEvents(String model, SimulatedTurn turn, int promptTokens, boolean includeUsage) {
        String id = SimulatedReplies.id("chatcmpl-sim");
        long created = System.currentTimeMillis() / 1000;
        List<String> events = new ArrayList<>();
        Consumer<OpenAiChatChunk.Delta> delta = d -> events.add(data(openAiChunk(new OpenAiChatChunk(id,
                "chat.completion.chunk", created, model, List.of(new OpenAiChatChunk.Choice(0, d, null, null)), null, null),
                includeUsage)));
        delta.accept(new OpenAiChatChunk.Delta("assistant", ""));
        turn.call().ifPresentOrElse(call -> {
            // As OpenAI streams a call: its id and name with empty arguments, then the arguments in pieces.
            delta.accept(toolCallDelta(SimulatedReplies.id("call_sim"), call.name(), ""));
            SimulatedReplies.pieces(call.arguments().toString()).forEach(piece -> delta.accept(toolCallDelta(null, null, piece)));
        }, () -> SimulatedReplies.pieces(turn.text()).forEach(piece -> delta.accept(new OpenAiChatChunk.Delta(null, piece))));
        events.add(data(openAiChunk(new OpenAiChatChunk(id, "chat.completion.chunk", created, model,
                List.of(new OpenAiChatChunk.Choice(0, new OpenAiChatChunk.Delta(null, null), null,
                        turn.call().isPresent() ? SimulatedReplies.OPENAI_TOOL_CALLS : SimulatedReplies.OPENAI_STOP)),
                null, null), includeUsage)));
        if (includeUsage) {
            events.add(data(new OpenAiChatChunk(id, "chat.completion.chunk", created, model, List.of(),
                    SimulatedReplies.openAiUsage(SimulatedReplies.written(turn), promptTokens), null)));
        }
        events.add(data(OPENAI_DONE));
        return events;
    }

    private static OpenAiChatChunk.Delta toolCallDelta(String id, String name, String arguments) {
        return new OpenAiChatChunk.Delta(null, null, null, List.of(new OpenAiChatChunk.ToolCallDelta(0, id,
                id == null ? null : "function", new OpenAiChatResponse.Function(name, arguments))), null);
    }

    private ObjectNode openAiChunk(OpenAiChatChunk chunk, boolean usageField) {
        ObjectNode node = mapper.valueToTree(chunk);
        node.path("choices").forEach(c -> withNulls((ObjectNode) c, "finish_reason"));
        return usageField ? withNulls(node, "usage") : node;
    }

    /**
     * Named events: {@code message_start} (the message with no content yet), {@code content_block_start},
     * a {@code ping}, a {@code content_block_delta} per piece, {@code content_block_stop},
     * {@code message_delta} (stop reason and output tokens) and {@code message_stop}.
     */
    List<String> anthropicEvents(String model, SimulatedTurn turn, int promptTokens) {
        String content = SimulatedReplies.written(turn);
        List<String> events = new ArrayList<>();
        // As the API does, the start already counts the first output token.
        AnthropicResponse start = SimulatedReplies.anthropicMessage(SimulatedReplies.id("msg_sim"), model, List.of(),
                null, new AnthropicResponse.Usage(promptTokens, 1, null, null));
        events.add(anthropicEvent("message_start",
                e -> e.set("message", withNulls(mapper.valueToTree(start), "stop_reason", "stop_sequence"))));
        // Thinking first, when asked for: its text, then its signature, in a block of its own.
        int index = turn.thinking().isPresent() ? 1 : 0;
        turn.thinking().ifPresent(thought -> {
            events.add(anthropicEvent("content_block_start", e -> e.put("index", 0).set("content_block",
                    mapper.createObjectNode().put("type", "thinking").put("thinking", ""))));
            SimulatedReplies.pieces(thought).forEach(piece -> events.add(anthropicEvent("content_block_delta",
                    e -> e.put("index", 0).putObject("delta").put("type", "thinking_delta").put("thinking", piece))));
            events.add(anthropicEvent("content_block_delta", e -> e.put("index", 0).putObject("delta")
                    .put("type", "signature_delta").put("signature", SimulatedTurn.SIGNATURE)));
            events.add(anthropicEvent("content_block_stop", e -> e.put("index", 0)));
        });
        // A call streams as Anthropic's do: a tool_use block with an empty input, then the input in JSON pieces.
        AnthropicResponse.ContentBlock block = turn.call()
                .map(call -> new AnthropicResponse.ContentBlock("tool_use", null, SimulatedReplies.id("toolu_sim"),
                        call.name(), mapper.createObjectNode(), null, null, null))
                .orElseGet(() -> new AnthropicResponse.ContentBlock("text", ""));
        String deltaType = turn.call().isPresent() ? "input_json_delta" : "text_delta";
        String deltaField = turn.call().isPresent() ? "partial_json" : "text";
        String written = turn.call().map(call -> call.arguments().toString()).orElse(turn.text());
        events.add(anthropicEvent("content_block_start", e -> e.put("index", index)
                .set("content_block", mapper.valueToTree(block))));
        events.add(anthropicEvent("ping", e -> { }));
        SimulatedReplies.pieces(written).forEach(piece -> events.add(anthropicEvent("content_block_delta",
                e -> e.put("index", index).putObject("delta").put("type", deltaType).put(deltaField, piece))));
        events.add(anthropicEvent("content_block_stop", e -> e.put("index", index)));
        events.add(anthropicEvent("message_delta", e -> {
            e.putObject("delta").put("stop_reason", turn.call().isPresent() ? SimulatedReplies.ANTHROPIC_TOOL_USE
                    : SimulatedReplies.ANTHROPIC_STOP).putNull("stop_sequence");
            e.set("usage", mapper.valueToTree(
                    new AnthropicResponse.Usage(null, SimulatedReplies.tokens(content), null, null)));
        }));
        events.add(anthropicEvent("message_stop", e -> { }));
        return events;
    }

    /** Each event's {@code event:} name is repeated as the {@code type} of its data. */
    private String anthropicEvent(String type, Consumer<ObjectNode> fields) {
        ObjectNode data = mapper.createObjectNode().put("type", type);
        fields.accept(data);
        return "event: " + type + "\n" + data(data);
    }

    /**
     * {@code GenerateContentResponse}s as {@code alt=sse} sends them, one per piece, all with the same
     * response id; the last one has the finish reason and the usage. Gemini sends no end marker.
     */
    List<String> geminiEvents(String model, SimulatedTurn turn, int promptTokens) {
        String responseId = SimulatedReplies.id("sim");
        GeminiResponse.UsageMetadata usage = SimulatedReplies.geminiUsage(SimulatedReplies.written(turn), promptTokens);
        List<String> events = new ArrayList<>();
        turn.thinking().ifPresent(thought -> events.add(data(SimulatedReplies.geminiResponse(responseId, model,
                List.of(SimulatedReplies.geminiThought(thought)), null, null))));
        if (turn.call().isPresent()) {
            // Gemini streams a call whole, in one part.
            events.add(data(SimulatedReplies.geminiResponse(responseId, model,
                    List.of(SimulatedReplies.geminiPart(turn.call(), null)), SimulatedReplies.GEMINI_STOP, usage)));
            return events;
        }
        List<String> pieces = SimulatedReplies.pieces(turn.text());
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            GeminiResponse chunk = SimulatedReplies.geminiResponse(responseId, model, List.of(new GeminiContent.Part(pieces.get(i))),
                    last ? SimulatedReplies.GEMINI_STOP : null, last ? usage : null);
            events.add(data(chunk));
        }
        return events;
    }

    private static ObjectNode withNulls(ObjectNode node, String... fields) {
        for (String field : fields) {
            if (!node.has(field)) {
                node.putNull(field);
            }
        }
        return node;
    }

    /** An event's data: a wire record or tree as JSON, or a marker such as {@code [DONE]} as it is. */
    private String data(Object payload) {
        String text = payload instanceof String marker ? marker : new String(json(payload), StandardCharsets.UTF_8);
        return "data: " + text + "\n\n";
    }
}
