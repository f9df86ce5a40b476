package dev.switchboard.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestMulti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.chat.ThinkingBlock;
import dev.switchboard.chat.ToolCall;
import dev.switchboard.chat.Usage;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.cost.Budgets;
import dev.switchboard.cost.Pricing;
import dev.switchboard.degraded.DegradedAnswer;
import dev.switchboard.degraded.DegradedMode;
import dev.switchboard.degraded.Standby;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.routing.AllRoutesFailed;
import dev.switchboard.routing.Deadline;
import dev.switchboard.routing.Plan;
import dev.switchboard.routing.RequestContext;
import dev.switchboard.routing.Route;
import dev.switchboard.routing.RoutedAnswer;
import dev.switchboard.routing.RoutedStream;
import dev.switchboard.routing.Router;
import dev.switchboard.security.Callers;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/chat/completions}: OpenAI's Chat Completions API, answered by the best available
 * route, whole or streamed. Both come back as a {@link RestMulti} so status and headers can wait
 * until routing has decided: a whole answer is one JSON buffer; a stream sends its headers with its
 * first chunk, so every failure before then still reaches the caller as an ordinary error response,
 * or, when no route answered, as a degraded answer (see {@link DegradedMode}) in the shape asked for.
 */
@Path("/v1/chat/completions")
public class ChatCompletionsResource {

    static final String SIMULATED_FINGERPRINT = "switchboard-simulated";
    /** A degraded answer says so in its body too, for clients that never see the headers. */
    static final String DEGRADED_FINGERPRINT = "switchboard-degraded";
    static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

    private final Router router;
    private final ProviderEndpoints endpoints;
    private final ObjectMapper json;
    private final Duration deadline;
    private final Callers callers;
    private final Budgets budgets;
    private final DegradedMode degraded;
    private final long maxImageBytes;

    public ChatCompletionsResource(Router router, ProviderEndpoints endpoints, ObjectMapper json,
            SwitchboardConfig config, Callers callers, Budgets budgets, DegradedMode degraded) {
        this.router = router;
        this.degraded = degraded;
        this.callers = callers;
        this.budgets = budgets;
        this.endpoints = endpoints;
        this.json = json;
        this.deadline = config.routing().deadline();
        this.maxImageBytes = config.limits().maxImageSize().asLongValue();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Multi<Buffer> create(ChatCompletionRequest body, @HeaderParam(GatewayHeaders.DEADLINE_MS) String deadlineMs,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(GatewayHeaders.CATEGORY) String categoryHeader,
            @HeaderParam(GatewayHeaders.DEGRADED) String degradedHeader, @Context RoutingContext routing) {
        ChatRequest request = ChatRequestValidator.validate(body, maxImageBytes);
        WholeReplies.sendUnchunked(routing);
        Optional<String> category = category(categoryHeader);
        boolean degradedAllowed = degradedAllowed(degradedHeader);
        String caller = callers.identify(authorization);
        // Before any provider call: a request over budget never reaches one.
        Plan plan = budgets.admit(caller, router.plan(request, body.model(), body.fallbacks()), body.fallbacks(), router);
        Deadline requestDeadline = Deadline.after(budget(deadlineMs));
        RequestContext context = new RequestContext(caller, plan.complexity());
        Standby standby = degraded.standby(caller, body.model(), request, category,
                plan.chain().isEmpty() ? null : plan.chain().get(0).name(), degradedAllowed);
        boolean streams = ChatRequestValidator.streams(body);
        boolean includeUsage = ChatRequestValidator.includeUsage(body);
        Uni<Reply> reply = streams
                ? router.stream(request, plan.chain(), requestDeadline, context)
                        .map(stream -> streamed(stream, plan, includeUsage, standby))
                : router.route(request, plan.chain(), requestDeadline, context).map(answer -> whole(answer, plan, standby));
        reply = reply.onFailure(AllRoutesFailed.class).recoverWithUni(failure -> {
            AllRoutesFailed unanswered = (AllRoutesFailed) failure;
            return standby.answerFor(unanswered, requestDeadline)
                    .map(answer -> Uni.createFrom().item(degradedReply(answer, unanswered, plan, streams, includeUsage)))
                    .orElseGet(() -> Uni.createFrom().failure(failure));
        });
        reply = reply.onFailure(AllRoutesFailed.class).transform(failure -> plan.complexity()
                .<Throwable>map(((AllRoutesFailed) failure)::classifiedAs).orElse(failure));
        return RestMulti.fromUniResponse(reply, Reply::body, Reply::headers, Reply::status);
    }

    /** What goes back: decided once routing is done, so an error can still be an ordinary error response. */
    record Reply(int status, Map<String, List<String>> headers, Multi<Buffer> body) {
    }

    /** The configured deadline, or the caller's shorter one; a caller can never lengthen it. */
    private Duration budget(String header) {
        if (header == null || header.isBlank()) {
            return deadline;
        }
        try {
            long millis = Long.parseLong(header.trim());
            if (millis <= 0) {
                throw new NumberFormatException();
            }
            Duration asked = Duration.ofMillis(millis);
            return asked.compareTo(deadline) < 0 ? asked : deadline;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(400, GatewayHeaders.DEADLINE_MS,
                    "Header " + GatewayHeaders.DEADLINE_MS + " must be a positive number of milliseconds", "invalid_header");
        }
    }

    /** The degraded-mode category the request's header names, if any; one no category is called is bad input. */
    private Optional<String> category(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String category = header.trim();
        if (!degraded.knows(category)) {
            throw new InvalidRequestException(400, GatewayHeaders.CATEGORY, "Header " + GatewayHeaders.CATEGORY
                    + " names an unknown category '" + category + "'; known: " + String.join(", ", degraded.categories()),
                    "invalid_header");
        }
        return Optional.of(category);
    }

    /** Whether the caller lets this request have a degraded answer: {@code off} opts out. */
    private static boolean degradedAllowed(String header) {
        if (header == null || header.isBlank() || header.trim().equalsIgnoreCase("on")) {
            return true;
        }
        if (header.trim().equalsIgnoreCase("off")) {
            return false;
        }
        throw new InvalidRequestException(400, GatewayHeaders.DEGRADED,
                "Header " + GatewayHeaders.DEGRADED + " must be 'on' or 'off'", "invalid_header");
    }

    private Reply whole(RoutedAnswer answer, Plan plan, Standby standby) {
        ChatResult result = answer.result();
        boolean simulated = endpoints.simulated(answer.route().provider());
        standby.remember(result, simulated);
        var body = completion(completionId(result.id()), result.model(), result.content(), result.toolCalls(),
                result.thinking(), result.logprobs(), result.finishReason(), result.usage(), simulated ? SIMULATED_FINGERPRINT : null);
        Map<String, List<String>> headers = headers(plan, answer.upstreamCalls(), MediaType.APPLICATION_JSON);
        answered(headers, answer.route());
        headers.put(GatewayHeaders.COST_USD, List.of(Pricing.plain(answer.cost())));
        return whole(headers, body);
    }

    private Reply streamed(RoutedStream stream, Plan plan, boolean includeUsage, Standby standby) {
        boolean simulated = endpoints.simulated(stream.route().provider());
        Map<String, List<String>> headers = headers(plan, stream.upstreamCalls(), EVENT_STREAM);
        answered(headers, stream.route());
        streaming(headers);
        ChunkStream chunks = new ChunkStream(json, includeUsage, simulated ? SIMULATED_FINGERPRINT : null);
        return new Reply(200, headers, chunks.encode(standby.recording(stream.events(), simulated)));
    }

    /**
     * A degraded answer, in the shape the request asked for: an ordinary completion or stream, so
     * clients parse it as usual, with no route (none answered), no usage (nothing was billed), and
     * marked as degraded in its headers and its {@code system_fingerprint}.
     */
    private Reply degradedReply(DegradedAnswer answer, AllRoutesFailed failure, Plan plan, boolean streams,
            boolean includeUsage) {
        Map<String, List<String>> headers = headers(plan, failure.upstreamCalls(),
                streams ? EVENT_STREAM : MediaType.APPLICATION_JSON);
        headers.put(GatewayHeaders.DEGRADED, List.of("true"));
        headers.put(GatewayHeaders.DEGRADED_SOURCE, List.of(answer.source().wireName()));
        if (answer.simulated()) {
            headers.put(GatewayHeaders.SIMULATED, List.of("true"));
        }
        if (streams) {
            streaming(headers);
            Multi<StreamEvent> events = Multi.createFrom().items(new StreamEvent.Started(null, answer.model()),
                    new StreamEvent.Text(answer.content()), new StreamEvent.Finished(answer.finishReason()),
                    new StreamEvent.UsageReported(Usage.NONE));
            return new Reply(200, headers, new ChunkStream(json, includeUsage, DEGRADED_FINGERPRINT).encode(events));
        }
        headers.put(GatewayHeaders.COST_USD, List.of(Pricing.plain(BigDecimal.ZERO)));
        var body = completion(completionId(null), answer.model(), answer.content(), List.of(), List.of(), null,
                answer.finishReason(), Usage.NONE, DEGRADED_FINGERPRINT);
        return whole(headers, body);
    }

    /** A whole answer: one JSON buffer, its length declared (see {@link WholeReplies}). */
    private Reply whole(Map<String, List<String>> headers, ChatCompletionResponse body) {
        byte[] json = toJson(body);
        headers.put(HttpHeaders.CONTENT_LENGTH, List.of(Integer.toString(json.length)));
        return new Reply(200, headers, Multi.createFrom().item(Buffer.buffer(json)));
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

    /** What every reply carries, answered or degraded. */
    private static Map<String, List<String>> headers(Plan plan, long calls, String contentType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.CONTENT_TYPE, List.of(contentType));
        plan.complexity().ifPresent(tier -> headers.put(GatewayHeaders.COMPLEXITY, List.of(tier.wireName())));
        headers.put(GatewayHeaders.ATTEMPTS, List.of(Long.toString(calls)));
        if (plan.downgraded()) {
            headers.put(GatewayHeaders.BUDGET, List.of("downgraded"));
        }
        return headers;
    }

    /** The route that answered, and whether it is simulated. */
    private void answered(Map<String, List<String>> headers, Route route) {
        headers.put(GatewayHeaders.ROUTE, List.of(route.name()));
        if (endpoints.simulated(route.provider())) {
            headers.put(GatewayHeaders.SIMULATED, List.of("true"));
        }
    }

    private static void streaming(Map<String, List<String>> headers) {
        headers.put(HttpHeaders.CACHE_CONTROL, List.of("no-cache"));
        // Proxies such as nginx would otherwise hold the events back.
        headers.put("X-Accel-Buffering", List.of("no"));
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
