package dev.switchboard.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.cost.Pricing;
import dev.switchboard.embedding.EmbeddedAnswer;
import dev.switchboard.embedding.EmbeddingRoute;
import dev.switchboard.embedding.EmbeddingRouteTable;
import dev.switchboard.embedding.EmbeddingRouter;
import dev.switchboard.embedding.Vectors;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.routing.Deadline;
import dev.switchboard.routing.RequestContext;
import dev.switchboard.security.Callers;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /v1/embeddings}: OpenAI's embeddings API, answered by the embedding route the request's
 * {@code model} names or, when it fails, by one of its fallbacks, all of one vector space. Bad input is a
 * 400 before any provider call, as is a spent budget (429); a request no route answered gets the routing
 * error, never a degraded answer (no stand-in vector makes sense). Answers carry the route, the upstream
 * calls and the cost in Switchboard's headers, as chat answers do.
 */
@Path("/v1/embeddings")
public class EmbeddingsResource {

    private final EmbeddingRouter router;
    private final EmbeddingRouteTable routes;
    private final ProviderEndpoints endpoints;
    private final Callers callers;
    private final ObjectMapper json;
    private final Duration deadline;

    public EmbeddingsResource(EmbeddingRouter router, EmbeddingRouteTable routes, ProviderEndpoints endpoints,
            Callers callers, ObjectMapper json, SwitchboardConfig config) {
        this.router = router;
        this.routes = routes;
        this.endpoints = endpoints;
        this.callers = callers;
        this.json = json;
        this.deadline = config.routing().deadline();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(JsonNode body, @HeaderParam(GatewayHeaders.DEADLINE_MS) String deadlineMs,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        EmbeddingsRequestReader.Read read = EmbeddingsRequestReader.read(body);
        List<EmbeddingRoute> chain = routes.resolve(read.model());
        EmbeddingRoute first = chain.get(0);
        read.request().dimensions()
                .filter(asked -> first.dimensions() != EmbeddingRoute.UNKNOWN_DIMENSIONS && asked != first.dimensions())
                .ifPresent(asked -> {
                    throw new InvalidRequestException("dimensions", "dimensions: route " + first.name() + " returns "
                            + first.dimensions() + "-dimensional vectors of " + first.model() + ", not " + asked
                            + "; leave dimensions out or ask for " + first.dimensions()
                            + " (another size is another vector space: configure a route for it)");
                });
        Deadline requestDeadline = Deadline.after(ChatExchange.budget(deadlineMs, deadline));
        String caller = callers.identify(authorization);
        // Before any provider call: a request over budget never reaches one.
        router.admit(caller);
        RequestContext context = new RequestContext(caller, java.util.Optional.empty());
        return router.route(read.request(), chain, requestDeadline, context).map(answer -> reply(answer, read));
    }

    private Response reply(EmbeddedAnswer answer, EmbeddingsRequestReader.Read read) {
        List<float[]> vectors = answer.result().vectors();
        List<EmbeddingsResponse.Item> data = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            data.add(new EmbeddingsResponse.Item("embedding", i, read.base64() ? Vectors.base64(vectors.get(i)) : vectors.get(i)));
        }
        int tokens = answer.result().promptTokens();
        String model = answer.result().model() == null ? answer.route().model() : answer.result().model();
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(new EmbeddingsResponse("list", data, model,
                    new EmbeddingsResponse.Usage(tokens, tokens)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the embeddings answer could not be written as JSON", e);
        }
        Response.ResponseBuilder response = Response.ok(bytes, MediaType.APPLICATION_JSON)
                .header(GatewayHeaders.ROUTE, answer.route().name())
                .header(GatewayHeaders.ATTEMPTS, Long.toString(answer.upstreamCalls()))
                .header(GatewayHeaders.COST_USD, Pricing.plain(answer.cost()));
        if (endpoints.simulated(answer.route().provider())) {
            response.header(GatewayHeaders.SIMULATED, "true");
        }
        return response.build();
    }
}
