package dev.switchboard.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.Usage;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/**
 * Writes a routed stream as OpenAI's server-sent events: a first chunk with the assistant role, a
 * chunk per piece of text, of reasoning ({@code delta.reasoning_content}, and each finished reasoning
 * block whole in {@code delta.thinking_blocks}) or of a tool call ({@code delta.tool_calls}), a chunk
 * with the finish reason, the usage chunk when the caller asked for
 * it ({@code stream_options.include_usage}), then {@code data: [DONE]}. An interrupted answer ends
 * with an {@code {"error":...}} event instead of a finish and without {@code [DONE]}, which is how
 * OpenAI reports a failure mid-stream and what its SDKs raise as an error. One per response.
 */
final class ChunkStream {

    private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");

    private final ObjectMapper json;
    private final boolean includeUsage;
    private final String fingerprint;
    private final long created = Instant.now().getEpochSecond();
    private String id;
    private String model;
    private boolean interrupted;

    ChunkStream(ObjectMapper json, boolean includeUsage, String fingerprint) {
        this.json = json;
        this.includeUsage = includeUsage;
        this.fingerprint = fingerprint;
    }

    Multi<Buffer> encode(Multi<StreamEvent> events) {
        return events.onItem().transformToIterable(this::frames)
                .onCompletion().switchTo(() -> interrupted ? Multi.createFrom().empty() : Multi.createFrom().item(DONE));
    }

    private List<Buffer> frames(StreamEvent event) {
        if (event instanceof StreamEvent.Started started) {
            model = started.model();
            if (id == null) {
                id = ChatCompletionsResource.completionId(started.id());
                return List.of(chunk(new ChatCompletionChunk.Delta("assistant", ""), null));
            }
            return List.of();
        }
        if (event instanceof StreamEvent.Text text) {
            return List.of(chunk(new ChatCompletionChunk.Delta(null, text.text()), null));
        }
        if (event instanceof StreamEvent.ToolCallStarted call) {
            return List.of(chunk(ChatCompletionChunk.Delta.toolCall(
                    ChatCompletionChunk.ToolCallDelta.start(call.index(), call.id(), call.name())), null));
        }
        if (event instanceof StreamEvent.ToolCallArguments arguments) {
            return List.of(chunk(ChatCompletionChunk.Delta.toolCall(
                    ChatCompletionChunk.ToolCallDelta.arguments(arguments.index(), arguments.fragment())), null));
        }
        if (event instanceof StreamEvent.Thinking thinking) {
            return List.of(chunk(ChatCompletionChunk.Delta.reasoning(thinking.text()), null));
        }
        if (event instanceof StreamEvent.ThinkingDone done) {
            return List.of(chunk(ChatCompletionChunk.Delta.thinkingBlock(ChatCompletionResponse.Thinking.of(done.block())),
                    null));
        }
        if (event instanceof StreamEvent.LogprobsReported reported) {
            return List.of(frame(new ChatCompletionChunk(id, "chat.completion.chunk", created, model, fingerprint,
                    List.of(new ChatCompletionChunk.Choice(0, new ChatCompletionChunk.Delta(null, null), reported.logprobs(),
                            null)), null)));
        }
        if (event instanceof StreamEvent.Finished finished) {
            return List.of(chunk(new ChatCompletionChunk.Delta(null, null), finished.reason().wireName()));
        }
        if (event instanceof StreamEvent.UsageReported reported && includeUsage) {
            Usage usage = reported.usage();
            return List.of(frame(new ChatCompletionChunk(id, "chat.completion.chunk", created, model, fingerprint, List.of(),
                    ChatCompletionResponse.Usage.of(usage))));
        }
        if (event instanceof StreamEvent.Interrupted failure) {
            interrupted = true;
            return List.of(frame(OpenAiError.of(failure.message(), "server_error", null, "stream_interrupted")));
        }
        return List.of();
    }

    private Buffer chunk(ChatCompletionChunk.Delta delta, String finishReason) {
        return frame(new ChatCompletionChunk(id, "chat.completion.chunk", created, model, fingerprint,
                List.of(new ChatCompletionChunk.Choice(0, delta, null, finishReason)), null));
    }

    private Buffer frame(Object data) {
        try {
            return Buffer.buffer("data: " + json.writeValueAsString(data) + "\n\n", StandardCharsets.UTF_8.name());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chunk could not be written as JSON", e);
        }
    }
}
