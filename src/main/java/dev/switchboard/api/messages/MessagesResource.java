package dev.switchboard.api.messages;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.api.ChatCompletionsResource;
import dev.switchboard.api.ChatExchange;
import dev.switchboard.api.GatewayHeaders;
import dev.switchboard.api.Reply;
import dev.switchboard.api.WholeReplies;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.Usage;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.degraded.DegradedAnswer;
import dev.switchboard.routing.RoutedAnswer;
import dev.switchboard.security.Callers;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/messages}: Anthropic's Messages API, for Anthropic's SDKs and Claude Code
 * ({@code ANTHROPIC_BASE_URL} pointed at Switchboard). The request is read into the gateway's own
 * conversation and answered through the same {@link ChatExchange} as Chat Completions (budgets,
 * routing and failover to any provider, deadline, degraded mode); the answer, whoever gave it, goes
 * back as a Messages response or event stream, and errors in Anthropic's format. The caller's key
 * may come as {@code x-api-key} or as a Bearer token; {@code anthropic-version} is accepted (the
 * gateway speaks its own configured version upstream) and {@code anthropic-beta} goes on to
 * Anthropic routes.
 */
@Path("/v1/messages")
public class MessagesResource {

    static final String VERSION_HEADER = "anthropic-version";
    static final String BETA_HEADER = "anthropic-beta";

    private final ChatExchange exchange;
    private final ObjectMapper json;
    private final MessagesReader reader;

    public MessagesResource(ChatExchange exchange, ObjectMapper json, SwitchboardConfig config) {
        this.exchange = exchange;
        this.json = json;
        this.reader = new MessagesReader(config.limits().maxImageSize().asLongValue());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Multi<Buffer> create(JsonNode body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(Callers.API_KEY_HEADER) String apiKey, @HeaderParam(BETA_HEADER) String beta,
            @HeaderParam(GatewayHeaders.DEADLINE_MS) String deadlineMs,
            @HeaderParam(GatewayHeaders.CATEGORY) String category,
            @HeaderParam(GatewayHeaders.DEGRADED) String degraded, @Context RoutingContext routing) {
        MessagesReader.MessagesCall call = reader.read(body, beta);
        WholeReplies.sendUnchunked(routing);
        var intake = new ChatExchange.Intake(call.model(), call.fallbacks(),
                exchange.caller(Callers.presented(authorization, apiKey)), deadlineMs, category, degraded);
        return Reply.send(exchange.answer(call.request(), intake, call.stream()).map(this::reply));
    }

    /**
     * {@code POST /v1/messages/count_tokens}: the conversation's input tokens, estimated by the
     * gateway (see {@link TokenEstimate}) without a provider call, so it is free and works whichever
     * provider would answer.
     */
    @POST
    @Path("/count_tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode countTokens(JsonNode body, @HeaderParam(BETA_HEADER) String beta) {
        ObjectNode withLimit = body != null && body.isObject() ? ((ObjectNode) body).deepCopy() : null;
        if (withLimit != null && !withLimit.has("max_tokens")) {
            withLimit.put("max_tokens", 1); // counting needs no output limit
        }
        MessagesReader.MessagesCall call = reader.read(withLimit == null ? body : withLimit, beta);
        return MessagesWriter.NODES.objectNode().put("input_tokens", TokenEstimate.of(call.request()));
    }

    private Reply reply(ChatExchange.Outcome outcome) {
        if (outcome instanceof ChatExchange.Answered answered) {
            RoutedAnswer answer = answered.answer();
            ChatResult result = answer.result();
            ObjectNode message = MessagesWriter.message(MessagesWriter.messageId(result.id()), result.model(),
                    result.thinking(), result.content(), result.toolCalls(), result.finishReason(), result.usage(),
                    answered.simulated() ? marker("simulated", null) : null);
            return Reply.whole(Reply.answered(answered.plan(), answer.upstreamCalls(), Reply.JSON, answer.route(),
                    answered.simulated(), answer.cost()), bytes(message));
        }
        if (outcome instanceof ChatExchange.Streaming streaming) {
            var headers = Reply.answered(streaming.plan(), streaming.stream().upstreamCalls(), Reply.EVENT_STREAM,
                    streaming.stream().route(), streaming.simulated(), null);
            var events = new MessageEvents(json, streaming.stream().route().model(),
                    streaming.simulated() ? marker("simulated", null) : null);
            return Reply.streamed(headers, events.encode(streaming.events()));
        }
        ChatExchange.Degraded degraded = (ChatExchange.Degraded) outcome;
        DegradedAnswer answer = degraded.answer();
        ObjectNode marker = marker("degraded", answer.source().wireName());
        var headers = Reply.degraded(degraded.plan(), degraded.failure().upstreamCalls(),
                degraded.streams() ? Reply.EVENT_STREAM : Reply.JSON, answer, degraded.streams());
        if (degraded.streams()) {
            return Reply.streamed(headers,
                    new MessageEvents(json, answer.model(), marker).encode(ChatCompletionsResource.events(answer)));
        }
        ObjectNode message = MessagesWriter.message(MessagesWriter.messageId(null), answer.model(), List.of(),
                answer.content(), List.of(), answer.finishReason(), Usage.NONE, marker);
        return Reply.whole(headers, bytes(message));
    }

    /**
     * Switchboard's note on a message it did not get from a provider as asked, in the body too for
     * clients that never see the headers: {@code "switchboard":{"degraded":true,"source":"cache"}}.
     */
    private static ObjectNode marker(String what, String source) {
        ObjectNode marker = MessagesWriter.NODES.objectNode().put(what, true);
        return source == null ? marker : marker.put("source", source);
    }

    private byte[] bytes(ObjectNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the response could not be written as JSON", e);
        }
    }
}
