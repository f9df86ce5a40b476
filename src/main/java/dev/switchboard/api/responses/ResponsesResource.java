package dev.switchboard.api.responses;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import dev.switchboard.routing.RoutedStream;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/responses}: the stateless part of OpenAI's Responses API, for SDKs and agent
 * frameworks that speak it rather than Chat Completions. The request is read into the gateway's
 * conversation ({@link ResponsesRequestReader}) and answered by the same exchange as a chat (budget,
 * routing and failover on every provider, deadline, degraded mode: {@link ChatExchange}); the
 * outcome is written back as a {@code response} object or its event stream, with the headers every
 * answer carries. Nothing is stored: see the reader for what that refuses.
 */
@Path("/v1/responses")
public class ResponsesResource {

    private final ChatExchange exchange;
    private final ObjectMapper json;
    private final long maxImageBytes;

    public ResponsesResource(ChatExchange exchange, ObjectMapper json, SwitchboardConfig config) {
        this.exchange = exchange;
        this.json = json;
        this.maxImageBytes = config.limits().maxImageSize().asLongValue();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Multi<Buffer> create(ResponsesRequest body, @HeaderParam(GatewayHeaders.DEADLINE_MS) String deadlineMs,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(GatewayHeaders.CATEGORY) String category,
            @HeaderParam(GatewayHeaders.DEGRADED) String degraded, @Context RoutingContext routing) {
        ResponsesRequestReader.Translated read = ResponsesRequestReader.read(body, maxImageBytes);
        WholeReplies.sendUnchunked(routing);
        var intake = new ChatExchange.Intake(body.model(), body.fallbacks(), exchange.caller(authorization), deadlineMs,
                category, degraded);
        return Reply.send(exchange.answer(read.request(), intake, read.streams())
                .map(outcome -> reply(outcome, read.echo(), body.model())));
    }

    private Reply reply(ChatExchange.Outcome outcome, ResponseObject.Echo echo, String model) {
        if (outcome instanceof ChatExchange.Answered answered) {
            return whole(answered, echo);
        }
        if (outcome instanceof ChatExchange.Streaming streaming) {
            RoutedStream stream = streaming.stream();
            var headers = Reply.answered(streaming.plan(), stream.upstreamCalls(), Reply.EVENT_STREAM, stream.route(),
                    streaming.simulated(), null);
            return Reply.streamed(headers, new ResponseEventStream(json, echo, model, false).encode(streaming.events()));
        }
        return degraded((ChatExchange.Degraded) outcome, echo);
    }

    private Reply whole(ChatExchange.Answered answered, ResponseObject.Echo echo) {
        RoutedAnswer answer = answered.answer();
        ChatResult result = answer.result();
        String status = ResponseWriter.status(result.finishReason());
        var body = ResponseWriter.response(ResponseWriter.id("resp_"), ResponseWriter.now(), result.model(), echo,
                status, result.finishReason(), null,
                ResponseWriter.output(result.content(), result.toolCalls(), result.thinking(), status), result.usage(),
                false);
        return Reply.whole(Reply.answered(answered.plan(), answer.upstreamCalls(), Reply.JSON, answer.route(),
                answered.simulated(), answer.cost()), toJson(body));
    }

    /**
     * A degraded answer as an ordinary response or event stream, so clients read it as usual: no
     * usage (nothing was billed), marked degraded in its headers and in its {@code metadata}.
     */
    private Reply degraded(ChatExchange.Degraded degraded, ResponseObject.Echo echo) {
        DegradedAnswer answer = degraded.answer();
        var headers = Reply.degraded(degraded.plan(), degraded.failure().upstreamCalls(),
                degraded.streams() ? Reply.EVENT_STREAM : Reply.JSON, answer, degraded.streams());
        if (degraded.streams()) {
            return Reply.streamed(headers, new ResponseEventStream(json, echo, answer.model(), true)
                    .encode(ChatCompletionsResource.events(answer)));
        }
        String status = ResponseWriter.status(answer.finishReason());
        var body = ResponseWriter.response(ResponseWriter.id("resp_"), ResponseWriter.now(), answer.model(), echo,
                status, answer.finishReason(), null, ResponseWriter.output(answer.content(), List.of(), List.of(), status),
                Usage.NONE, true);
        return Reply.whole(headers, toJson(body));
    }

    private byte[] toJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the response could not be written as JSON", e);
        }
    }
}
