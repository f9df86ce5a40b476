package dev.switchboard.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.routing.ChainResolver;
import dev.switchboard.routing.Deadline;
import dev.switchboard.routing.RoutedAnswer;
import dev.switchboard.routing.Route;
import dev.switchboard.routing.Router;
import io.smallrye.mutiny.Uni;

/** {@code POST /v1/chat/completions}: OpenAI's Chat Completions API, answered by the best available route. */
@Path("/v1/chat/completions")
public class ChatCompletionsResource {

    static final String SIMULATED_FINGERPRINT = "switchboard-simulated";

    private final Router router;
    private final ChainResolver chains;
    private final ProviderEndpoints endpoints;
    private final Duration deadline;

    public ChatCompletionsResource(Router router, ChainResolver chains, ProviderEndpoints endpoints,
            SwitchboardConfig config) {
        this.router = router;
        this.chains = chains;
        this.endpoints = endpoints;
        this.deadline = config.routing().deadline();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> create(ChatCompletionRequest body, @HeaderParam(GatewayHeaders.DEADLINE_MS) String deadlineMs) {
        ChatRequest request = ChatRequestValidator.validate(body);
        List<Route> chain = chains.resolve(body.model(), body.fallbacks());
        Deadline requestDeadline = Deadline.after(budget(deadlineMs));
        return router.route(request, chain, requestDeadline).map(this::toResponse);
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

    private Response toResponse(RoutedAnswer answer) {
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
        Response.ResponseBuilder response = Response.ok(body)
                .header(GatewayHeaders.ROUTE, answer.route().name())
                .header(GatewayHeaders.ATTEMPTS, answer.upstreamCalls());
        if (simulated) {
            response.header(GatewayHeaders.SIMULATED, "true");
        }
        return response.build();
    }

    private static String completionId(String upstreamId) {
        if (upstreamId == null || upstreamId.isBlank()) {
            return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        }
        return upstreamId.startsWith("chatcmpl-") ? upstreamId : "chatcmpl-" + upstreamId;
    }
}
