package dev.switchboard.api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestMulti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.cost.Budgets;
import dev.switchboard.cost.Pricing;
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

/**
 * {@code POST /v1/chat/completions}: OpenAI's Chat Completions API, answered by the best available
 * route, whole or streamed. Both come back as a {@link RestMulti} so status and headers can wait
 * until routing has decided: a whole answer is one JSON buffer; a stream sends its headers with its
 * first chunk, so every failure before then still reaches the caller as an ordinary error response.
 */
@Path("/v1/chat/completions")
public class ChatCompletionsResource {

    static final String SIMULATED_FINGERPRINT = "switchboard-simulated";
    static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

    private final Router router;
    private final ProviderEndpoints endpoints;
    private final ObjectMapper json;
    private final Duration deadline;
    private final Callers callers;
    private final Budgets budgets;

    public ChatCompletionsResource(Router router, ProviderEndpoints endpoints, ObjectMapper json,
            SwitchboardConfig config, Callers callers, Budgets budgets) {
        this.router = router;
        this.callers = callers;
        this.budgets = budgets;
        this.endpoints = endpoints;
        this.json = json;
        this.deadline = config.routing().deadline();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Multi<Buffer> create(ChatCompletionRequest body, @HeaderParam(GatewayHeaders.DEADLINE_MS) String deadlineMs,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        ChatRequest request = ChatRequestValidator.validate(body);
        String caller = callers.identify(authorization);
        // Before any provider call: a request over budget never reaches one.
        Plan plan = budgets.admit(caller, router.plan(request, body.model(), body.fallbacks()), body.fallbacks(), router);
        Deadline requestDeadline = Deadline.after(budget(deadlineMs));
        RequestContext context = new RequestContext(caller, plan.complexity());
        Uni<Reply> reply = ChatRequestValidator.streams(body)
                ? router.stream(request, plan.chain(), requestDeadline, context)
                        .map(stream -> streamed(stream, plan, ChatRequestValidator.includeUsage(body)))
                : router.route(request, plan.chain(), requestDeadline, context).map(answer -> whole(answer, plan));
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

    private Reply whole(RoutedAnswer answer, Plan plan) {
        ChatResult result = answer.result();
        boolean simulated = endpoints.simulated(answer.route().provider());
        var body = new ChatCompletionResponse(completionId(result.id()), "chat.completion",
                Instant.now().getEpochSecond(), result.model(),
                List.of(new ChatCompletionResponse.Choice(0,
                        new ChatCompletionResponse.Message("assistant", result.content(), null), null,
                        result.finishReason().wireName())),
                new ChatCompletionResponse.Usage(result.usage().promptTokens(), result.usage().completionTokens(),
                        result.usage().totalTokens()),
                simulated ? SIMULATED_FINGERPRINT : null);
        Map<String, List<String>> headers = headers(answer.route(), plan, answer.upstreamCalls(), MediaType.APPLICATION_JSON);
        headers.put(GatewayHeaders.COST_USD, List.of(Pricing.plain(answer.cost())));
        return new Reply(200, headers, Multi.createFrom().item(Buffer.buffer(toJson(body))));
    }

    private Reply streamed(RoutedStream stream, Plan plan, boolean includeUsage) {
        boolean simulated = endpoints.simulated(stream.route().provider());
        Map<String, List<String>> headers = headers(stream.route(), plan, stream.upstreamCalls(), EVENT_STREAM);
        headers.put(HttpHeaders.CACHE_CONTROL, List.of("no-cache"));
        // Proxies such as nginx would otherwise hold the events back.
        headers.put("X-Accel-Buffering", List.of("no"));
        ChunkStream chunks = new ChunkStream(json, includeUsage, simulated ? SIMULATED_FINGERPRINT : null);
        return new Reply(200, headers, chunks.encode(stream.events()));
    }

    private Map<String, List<String>> headers(Route route, Plan plan, long calls, String contentType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.CONTENT_TYPE, List.of(contentType));
        headers.put(GatewayHeaders.ROUTE, List.of(route.name()));
        plan.complexity().ifPresent(tier -> headers.put(GatewayHeaders.COMPLEXITY, List.of(tier.wireName())));
        headers.put(GatewayHeaders.ATTEMPTS, List.of(Long.toString(calls)));
        if (plan.downgraded()) {
            headers.put(GatewayHeaders.BUDGET, List.of("downgraded"));
        }
        if (endpoints.simulated(route.provider())) {
            headers.put(GatewayHeaders.SIMULATED, List.of("true"));
        }
        return headers;
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
