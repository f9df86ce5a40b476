package dev.switchboard.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.Usage;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.degraded.DegradedAnswer;
import dev.switchboard.degraded.DegradedMode;
import dev.switchboard.routing.RoutedAnswer;
import dev.switchboard.routing.RoutedStream;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/chat/completions}: OpenAI's Chat Completions API, answered by the best available
 * route, whole or streamed (see {@link ChatExchange}). Both come back as a {@link Reply} so status
 * and headers can wait until routing has decided: a whole answer is one JSON buffer; a stream sends
 * its headers with its first chunk, so every failure before then still reaches the caller as an
 * ordinary error response, or, when no route answered, as a degraded answer (see
 * {@link DegradedMode}) in the shape asked for.
 */
@Path("/v1/chat/completions")
public class ChatCompletionsResource {

    static final String SIMULATED_FINGERPRINT = "switchboard-simulated";
    /** A degraded answer says so in its body too, for clients that never see the headers. */
    static final String DEGRADED_FINGERPRINT = "switchboard-degraded";

    private final ChatExchange exchange;
    private final ObjectMapper json;
    private final long maxImageBytes;

    public ChatCompletionsResource(ChatExchange exchange, ObjectMapper json, SwitchboardConfig config) {
        this.exchange = exchange;
        this.json = json;
        this.maxImageBytes = config.limits().maxImageSize().asLongValue();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Multi<Buffer> create(ChatCompletionRequest body, @HeaderParam(GatewayHeaders.DEADLINE_MS) String deadlineMs,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(GatewayHeaders.CATEGORY) String category,
            @HeaderParam(GatewayHeaders.DEGRADED) String degraded, @Context RoutingContext routing) {
        ChatRequest request = ChatRequestValidator.validate(body, maxImageBytes);
        WholeReplies.sendUnchunked(routing);
        var intake = new ChatExchange.Intake(body.model(), body.fallbacks(), exchange.caller(authorization), deadlineMs,
                category, degraded);
        boolean streams = ChatRequestValidator.streams(body);
        boolean includeUsage = ChatRequestValidator.includeUsage(body);
        return Reply.send(exchange.answer(request, intake, streams).map(outcome -> reply(outcome, includeUsage)));
    }

    private Reply reply(ChatExchange.Outcome outcome, boolean includeUsage) {
        if (outcome instanceof ChatExchange.Answered answered) {
            return whole(answered);
        }
        if (outcome instanceof ChatExchange.Streaming streaming) {
            return streamed(streaming, includeUsage);
        }
        return degraded((ChatExchange.Degraded) outcome, includeUsage);
    }

    private Reply whole(ChatExchange.Answered answered) {
        RoutedAnswer answer = answered.answer();
        ChatResult result = answer.result();
        var body = completion(completionId(result.id()), result.model(), result.content(), result.toolCalls(),
                result.thinking(), result.logprobs(), result.finishReason(), result.usage(),
                answered.simulated() ? SIMULATED_FINGERPRINT : null);
        return Reply.whole(Reply.answered(answered.plan(), answer.upstreamCalls(), Reply.JSON, answer.route(),
                answered.simulated(), answer.cost()), toJson(body));
    }

    private Reply streamed(ChatExchange.Streaming streaming, boolean includeUsage) {
        RoutedStream stream = streaming.stream();
        var headers = Reply.answered(streaming.plan(), stream.upstreamCalls(), Reply.EVENT_STREAM, stream.route(),
                streaming.simulated(), null);
        var chunks = new ChunkStream(json, includeUsage, streaming.simulated() ? SIMULATED_FINGERPRINT : null);
        return Reply.streamed(headers, chunks.encode(streaming.events()));
    }

    /**
     * A degraded answer, in the shape the request asked for: an ordinary completion or stream, so
     * clients parse it as usual, with no route (none answered), no usage (nothing was billed), and
     * marked as degraded in its headers and its {@code system_fingerprint}.
     */
    private Reply degraded(ChatExchange.Degraded degraded, boolean includeUsage) {
        DegradedAnswer answer = degraded.answer();
        var headers = Reply.degraded(degraded.plan(), degraded.failure().upstreamCalls(),
                degraded.streams() ? Reply.EVENT_STREAM : Reply.JSON, answer, degraded.streams());
        if (degraded.streams()) {
            var chunks = new ChunkStream(json, includeUsage, DEGRADED_FINGERPRINT);
            return Reply.streamed(headers, chunks.encode(events(answer)));
        }
        var body = completion(completionId(null), answer.model(), answer.content(), List.of(), List.of(), null,
                answer.finishReason(), Usage.NONE, DEGRADED_FINGERPRINT);
        return Reply.whole(headers, toJson(body));
    }

    /** A degraded answer as the events of a stream: nothing was billed. */
    public static Multi<StreamEvent> events(DegradedAnswer answer) {
        return Multi.createFrom().items(new StreamEvent.Started(null, answer.model()),
                new StreamEvent.Text(answer.content()), new StreamEvent.Finished(answer.finishReason()),
                new StreamEvent.UsageReported(Usage.NONE));
    }

    /** An answer that only calls tools has {@code content: null}, as OpenAI sends it. */
    private static ChatCompletionResponse completion(String id, String model, String content, List<ToolCall> calls,
            List<ThinkingBlock> thinking, JsonNode logprobs, FinishReason finish, Usage usage, String fingerprint) {
        String text = content.isEmpty() && !calls.isEmpty() ? null : content;
        var message = new ChatCompletionResponse.Message("assistant", text, null,
                calls.stream().map(ChatCompletionResponse.ToolCall::of).toList(), reasoning(thinking),
                thinking.stream().map(ChatCompletionResponse.Thinking::of).toList());
        return new ChatCompletionResponse(id, "chat.completion", Instant.now().getEpochSecond(), model,
                List.of(new ChatCompletionResponse.Choice(0, message, logprobs, finish.wireName())),
                ChatCompletionResponse.Usage.of(usage),
                fingerprint);
    }

    /** The reasoning text, every block's joined, as {@code reasoning_content} carries it; null when none. */
    private static String reasoning(List<ThinkingBlock> thinking) {
        return thinking.isEmpty() ? null
                : thinking.stream().map(ThinkingBlock::thinking).collect(Collectors.joining());
    }

    private byte[] toJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the response could not be written as JSON", e);
        }
    }

    static String completionId(String upstreamId) {
        if (upstreamId == null || upstreamId.isBlank()) {
            return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        }
        return upstreamId.startsWith("chatcmpl-") ? upstreamId : "chatcmpl-" + upstreamId;
    }
}
