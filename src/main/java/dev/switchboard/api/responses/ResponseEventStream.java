package dev.switchboard.api.responses;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.Usage;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/**
 * Writes a routed stream as the Responses API's server-sent events, each with its {@code event:}
 * name and a {@code sequence_number}: {@code response.created} and {@code response.in_progress},
 * then per output item its {@code response.output_item.added}, its deltas
 * ({@code response.reasoning_summary_text.delta}, {@code response.output_text.delta},
 * {@code response.function_call_arguments.delta}) and its {@code .done} events, and last
 * {@code response.completed} (or {@code response.incomplete}) with the whole response and its usage.
 * Providers may report usage after they finish, so the final event waits for the stream's end. An
 * interrupted answer ends with {@code response.failed}, its {@code error} saying why, which the
 * OpenAI SDKs deliver as a failed response (their SSE readers raise only on a top-level
 * {@code error} key, which no Responses event has). One per response.
 */
final class ResponseEventStream {

    private final ObjectMapper json;
    private final ResponseObject.Echo echo;
    private final boolean degraded;
    private final String id = ResponseWriter.id("resp_");
    private final long createdAt = ResponseWriter.now();
    private final List<Item> items = new ArrayList<>();
    private final Map<Integer, Item> calls = new LinkedHashMap<>();
    private String model;
    private int sequence;
    private boolean started;
    private boolean interrupted;
    private FinishReason finish = FinishReason.STOP;
    private Usage usage = Usage.NONE;
    private Item reasoning;
    private Item message;

    /** @param model the model asked for, until the provider names the one answering */
    ResponseEventStream(ObjectMapper json, ResponseObject.Echo echo, String model, boolean degraded) {
        this.json = json;
        this.echo = echo;
        this.model = model;
        this.degraded = degraded;
    }

    Multi<Buffer> encode(Multi<StreamEvent> events) {
        return events.onItem().transformToIterable(this::frames)
                .onCompletion().switchTo(() -> Multi.createFrom().iterable(end()));
    }

    /** One output item as it is being written. */
    private final class Item {
        final String kind;
        final String id;
        final int index;
        final StringBuilder text = new StringBuilder();
        String callId;
        String name;
        boolean done;

        Item(String kind, String prefix) {
            this.kind = kind;
            this.id = ResponseWriter.id(prefix);
            this.index = items.size();
            items.add(this);
        }

        Object snapshot() {
            String status = done ? ResponseWriter.status(finish) : "in_progress";
            switch (kind) {
                case "reasoning":
                    return new ResponseObject.ReasoningItem("reasoning", id,
                            done ? List.of(ResponseObject.SummaryText.of(text.toString())) : List.of());
                case "message":
                    return new ResponseObject.Message("message", id, status, "assistant",
                            done ? List.of(ResponseObject.OutputText.of(text.toString())) : List.of());
                default:
                    return new ResponseObject.FunctionCall("function_call", id, callId, name, text.toString(), status);
            }
        }
    }

    List<Buffer> frames(StreamEvent event) {
        List<Buffer> frames = new ArrayList<>();
        if (interrupted) {
            return frames;
        }
        if (event instanceof StreamEvent.Started start && start.model() != null && !started) {
            model = start.model();
        }
        begin(frames);
        if (event instanceof StreamEvent.Thinking thinking && !thinking.text().isEmpty()) {
            if (reasoning == null) {
                closeMessage(frames);
                reasoning = new Item("reasoning", "rs_");
                added(frames, reasoning);
                frames.add(event("response.reasoning_summary_part.added", node -> summary(node, reasoning)
                        .putPOJO("part", ResponseObject.SummaryText.of(""))));
            }
            reasoning.text.append(thinking.text());
            frames.add(event("response.reasoning_summary_text.delta", node -> summary(node, reasoning)
                    .put("delta", thinking.text())));
        } else if (event instanceof StreamEvent.ThinkingDone) {
            closeReasoning(frames);
        } else if (event instanceof StreamEvent.Text text) {
            closeReasoning(frames);
            if (message == null) {
                message = new Item("message", "msg_");
                added(frames, message);
                frames.add(event("response.content_part.added", node -> part(node, message)
                        .putPOJO("part", ResponseObject.OutputText.of(""))));
            }
            message.text.append(text.text());
            frames.add(event("response.output_text.delta", node -> part(node, message).put("delta", text.text())
                    .putArray("logprobs")));
        } else if (event instanceof StreamEvent.ToolCallStarted start) {
            closeReasoning(frames);
            closeMessage(frames);
            Item call = new Item("function_call", "fc_");
            call.callId = start.id();
            call.name = start.name();
            calls.put(start.index(), call);
            added(frames, call);
        } else if (event instanceof StreamEvent.ToolCallArguments arguments && !arguments.fragment().isEmpty()) {
            Item call = calls.get(arguments.index());
            if (call != null && !call.done) {
                call.text.append(arguments.fragment());
                frames.add(event("response.function_call_arguments.delta", node -> item(node, call)
                        .put("delta", arguments.fragment())));
            }
        } else if (event instanceof StreamEvent.Finished finished) {
            finish = finished.reason();
            closeAll(frames);
        } else if (event instanceof StreamEvent.UsageReported reported) {
            usage = reported.usage();
        } else if (event instanceof StreamEvent.Interrupted failure) {
            interrupted = true;
            var error = new ResponseObject.Error("server_error", failure.message());
            frames.add(event("response.failed", node -> node.putPOJO("response", response("failed", error))));
        }
        return frames;
    }

    /** The end of the stream: everything still open is done, and the whole response follows. */
    private List<Buffer> end() {
        List<Buffer> frames = new ArrayList<>();
        if (interrupted) {
            return frames;
        }
        begin(frames);
        closeAll(frames);
        String status = ResponseWriter.status(finish);
        frames.add(event("response." + status, node -> node.putPOJO("response", response(status, null))));
        return frames;
    }

    private void begin(List<Buffer> frames) {
        if (started) {
            return;
        }
        started = true;
        frames.add(event("response.created", node -> node.putPOJO("response", response("in_progress", null))));
        frames.add(event("response.in_progress", node -> node.putPOJO("response", response("in_progress", null))));
    }

    private ResponseObject response(String status, ResponseObject.Error error) {
        boolean over = !"in_progress".equals(status);
        return ResponseWriter.response(id, createdAt, model, echo, status, finish, error,
                items.stream().map(Item::snapshot).toList(), over ? usage : null, degraded);
    }

    private void added(List<Buffer> frames, Item item) {
        frames.add(event("response.output_item.added", node -> node.put("output_index", item.index)
                .putPOJO("item", item.snapshot())));
    }

    private void closeAll(List<Buffer> frames) {
        closeReasoning(frames);
        closeMessage(frames);
        for (Item call : calls.values()) {
            if (!call.done) {
                call.done = true;
                frames.add(event("response.function_call_arguments.done", node -> item(node, call)
                        .put("name", call.name).put("arguments", call.text.toString())));
                done(frames, call);
            }
        }
    }

    private void closeReasoning(List<Buffer> frames) {
        Item open = reasoning;
        if (open == null) {
            return;
        }
        reasoning = null;
        open.done = true;
        frames.add(event("response.reasoning_summary_text.done", node -> summary(node, open)
                .put("text", open.text.toString())));
        frames.add(event("response.reasoning_summary_part.done", node -> summary(node, open)
                .putPOJO("part", ResponseObject.SummaryText.of(open.text.toString()))));
        done(frames, open);
    }

    private void closeMessage(List<Buffer> frames) {
        Item open = message;
        if (open == null) {
            return;
        }
        message = null;
        open.done = true;
        frames.add(event("response.output_text.done", node -> {
            part(node, open).put("text", open.text.toString());
            node.putArray("logprobs");
        }));
        frames.add(event("response.content_part.done", node -> part(node, open)
                .putPOJO("part", ResponseObject.OutputText.of(open.text.toString()))));
        done(frames, open);
    }

    private void done(List<Buffer> frames, Item item) {
        frames.add(event("response.output_item.done", node -> node.put("output_index", item.index)
                .putPOJO("item", item.snapshot())));
    }

    private static ObjectNode item(ObjectNode node, Item item) {
        return node.put("item_id", item.id).put("output_index", item.index);
    }

    private static ObjectNode part(ObjectNode node, Item item) {
        return item(node, item).put("content_index", 0);
    }

    private static ObjectNode summary(ObjectNode node, Item item) {
        return item(node, item).put("summary_index", 0);
    }

    private Buffer event(String type, Consumer<ObjectNode> fields) {
        ObjectNode node = json.createObjectNode().put("type", type).put("sequence_number", sequence++);
        fields.accept(node);
        try {
            return Buffer.buffer("event: " + type + "\ndata: " + json.writeValueAsString(node) + "\n\n",
                    StandardCharsets.UTF_8.name());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }
}
