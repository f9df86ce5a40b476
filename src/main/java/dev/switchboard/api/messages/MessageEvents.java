package dev.switchboard.api.messages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.Usage;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/**
 * Writes a routed stream, whichever provider answers it, as Anthropic's Messages event stream:
 * {@code message_start}, a {@code ping}, then for each content block {@code content_block_start},
 * its deltas ({@code text_delta}, {@code input_json_delta}, {@code thinking_delta},
 * {@code signature_delta}) and {@code content_block_stop}; then {@code message_delta} with the stop
 * reason and the usage, and {@code message_stop}. A stream the gateway gave up on ends with an
 * {@code error} event instead, which Anthropic's SDKs raise. One per response; not thread-safe
 * (a stream's events arrive in order).
 */
final class MessageEvents {

    private enum Block { NONE, TEXT, THINKING, TOOL_USE }

    private final ObjectMapper json;
    private final ObjectNode marker;
    private final String fallbackModel;
    private boolean started;
    private boolean interrupted;
    private int index = -1;
    private Block open = Block.NONE;
    /** The content block each tool call streams into, by the call's index among the answer's calls. */
    private final Map<Integer, Integer> toolBlocks = new HashMap<>();
    private FinishReason finish = FinishReason.STOP;
    private Usage usage = Usage.NONE;

    /**
     * @param model  the model to name when the stream itself names none (a degraded answer's)
     * @param marker Switchboard's note on the message (degraded), or null
     */
    MessageEvents(ObjectMapper json, String model, ObjectNode marker) {
        this.json = json;
        this.fallbackModel = model;
        this.marker = marker;
    }

    Multi<Buffer> encode(Multi<StreamEvent> events) {
        return events.onItem().transformToIterable(this::frames)
                .onCompletion().switchTo(() -> Multi.createFrom().iterable(interrupted ? List.of() : end()));
    }

    private List<Buffer> frames(StreamEvent event) {
        List<Buffer> frames = new ArrayList<>();
        if (!started) {
            started = true;
            String id = event instanceof StreamEvent.Started first ? first.id() : null;
            String model = event instanceof StreamEvent.Started first && first.model() != null ? first.model()
                    : fallbackModel;
            ObjectNode start = MessagesWriter.NODES.objectNode().put("type", "message_start");
            start.set("message", MessagesWriter.start(MessagesWriter.messageId(id), model, marker));
            frames.add(frame("message_start", start));
            frames.add(frame("ping", MessagesWriter.NODES.objectNode().put("type", "ping")));
        }
        if (event instanceof StreamEvent.Text text) {
            open(Block.TEXT, frames, MessagesWriter.NODES.objectNode().put("type", "text").put("text", ""));
            frames.add(delta(MessagesWriter.NODES.objectNode().put("type", "text_delta").put("text", text.text())));
        } else if (event instanceof StreamEvent.Thinking thinking) {
            openThinking(frames);
            frames.add(delta(MessagesWriter.NODES.objectNode().put("type", "thinking_delta")
                    .put("thinking", thinking.text())));
        } else if (event instanceof StreamEvent.ThinkingDone done) {
            thinkingDone(done.block(), frames);
        } else if (event instanceof StreamEvent.ToolCallStarted call) {
            close(frames);
            ObjectNode block = MessagesWriter.NODES.objectNode().put("type", "tool_use").put("id", call.id())
                    .put("name", call.name());
            block.putObject("input");
            open(Block.TOOL_USE, frames, block);
            toolBlocks.put(call.index(), index);
        } else if (event instanceof StreamEvent.ToolCallArguments arguments && !arguments.fragment().isEmpty()) {
            int block = toolBlocks.getOrDefault(arguments.index(), index);
            ObjectNode delta = MessagesWriter.NODES.objectNode().put("type", "content_block_delta").put("index", block);
            delta.putObject("delta").put("type", "input_json_delta").put("partial_json", arguments.fragment());
            frames.add(frame("content_block_delta", delta));
        } else if (event instanceof StreamEvent.Finished finished) {
            finish = finished.reason();
        } else if (event instanceof StreamEvent.UsageReported reported) {
            usage = reported.usage();
        } else if (event instanceof StreamEvent.Interrupted failure) {
            interrupted = true;
            close(frames);
            ObjectNode error = MessagesWriter.NODES.objectNode().put("type", "error");
            error.putObject("error").put("type", "api_error").put("message", failure.message());
            frames.add(frame("error", error));
        }
        return frames;
    }

    /** A complete thinking block: its signature, or (redacted) the whole block, and the block's end. */
    private void thinkingDone(ThinkingBlock block, List<Buffer> frames) {
        if (block.isRedacted()) {
            close(frames);
            open(Block.THINKING, frames, MessagesWriter.thinking(block));
            close(frames);
            return;
        }
        if (open != Block.THINKING) {
            openThinking(frames);
            if (!block.thinking().isEmpty()) {
                frames.add(delta(MessagesWriter.NODES.objectNode().put("type", "thinking_delta")
                        .put("thinking", block.thinking())));
            }
        }
        if (block.signature() != null) {
            frames.add(delta(MessagesWriter.NODES.objectNode().put("type", "signature_delta")
                    .put("signature", block.signature())));
        }
        close(frames);
    }

    private void openThinking(List<Buffer> frames) {
        open(Block.THINKING, frames, MessagesWriter.NODES.objectNode().put("type", "thinking").put("thinking", "")
                .put("signature", ""));
    }

    /** Opens a block of this kind unless one is open already (a tool call always opens its own). */
    private void open(Block kind, List<Buffer> frames, ObjectNode block) {
        if (open == kind && kind != Block.TOOL_USE) {
            return;
        }
        close(frames);
        open = kind;
        index++;
        ObjectNode start = MessagesWriter.NODES.objectNode().put("type", "content_block_start").put("index", index);
        start.set("content_block", block);
        frames.add(frame("content_block_start", start));
    }

    private void close(List<Buffer> frames) {
        if (open == Block.NONE) {
            return;
        }
        open = Block.NONE;
        frames.add(frame("content_block_stop",
                MessagesWriter.NODES.objectNode().put("type", "content_block_stop").put("index", index)));
    }

    private Buffer delta(ObjectNode delta) {
        ObjectNode event = MessagesWriter.NODES.objectNode().put("type", "content_block_delta").put("index", index);
        event.set("delta", delta);
        return frame("content_block_delta", event);
    }

    /** The message's end: its stop reason and usage, known only now. */
    private List<Buffer> end() {
        List<Buffer> frames = new ArrayList<>(started ? List.of() : frames(new StreamEvent.Done()));
        close(frames);
        ObjectNode delta = MessagesWriter.NODES.objectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", MessagesWriter.stopReason(finish)).putNull("stop_sequence");
        delta.set("usage", MessagesWriter.usage(usage));
        frames.add(frame("message_delta", delta));
        frames.add(frame("message_stop", MessagesWriter.NODES.objectNode().put("type", "message_stop")));
        return frames;
    }

    private Buffer frame(String event, ObjectNode data) {
        try {
            return Buffer.buffer("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n",
                    StandardCharsets.UTF_8.name());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }
}
