package dev.switchboard.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestMulti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.provider.anthropic.AnthropicTranslator;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * The built-in simulated providers, used when a provider has no key and no URL. They speak each
 * provider's real wire format and are reached through the same typed REST clients as the real
 * ones, so routing, breakers and failover behave exactly as in production. Their faults can be
 * switched at run time to watch failover live. A real (configured) provider has no simulator: 404.
 *
 * <p>Like the providers, one path answers with one JSON document or, when the body asks for a
 * stream, with server-sent events. JAX-RS fixes a method's media type, so the answering methods
 * return the bytes themselves as a {@link RestMulti} carrying its own status and headers. They
 * declare no {@code @Produces}: with one, the REST layer would refuse a caller that accepts only
 * event streams, and with a JSON one it would frame the buffers as the elements of a JSON array.
 * A document keeps its status, content type and bytes, but goes out chunked, without a length.
 */
@Path("/simulated")
@Consumes(MediaType.APPLICATION_JSON)
public class SimulatorResource {

    /** Exactly what the REST layer declares for a JSON entity, so documents read as they always have. */
    private static final String JSON = MediaType.APPLICATION_JSON + ";charset=UTF-8";
    /** What the simulated azure-openai instances answer as: the type's, since none is built in. */
    private static final ProviderId AZURE_OPENAI = ProviderId.ofType(ProviderType.AZURE_OPENAI);
    private static final Map<String, List<String>> EVENT_STREAM = Map.of(
            HttpHeaders.CONTENT_TYPE, List.of(MediaType.SERVER_SENT_EVENTS),
            HttpHeaders.CACHE_CONTROL, List.of("no-cache"));

    private final Map<ProviderId, SimulatedFault> faults = new HashMap<>();
    private final ProviderEndpoints endpoints;
    private final SimulatedWire wire;

    public SimulatorResource(ProviderEndpoints endpoints, ObjectMapper mapper) {
        this.endpoints = endpoints;
        this.wire = new SimulatedWire(mapper);
    }

    @POST
    @Path("/openai/v1/chat/completions")
    public RestMulti<Buffer> openAi(JsonNode body, @Context HttpServerResponse response) {
        return openAiFormat(ProviderId.OPENAI, body, response);
    }

    @POST
    @Path("/openai-compatible/v1/chat/completions")
    public RestMulti<Buffer> openAiCompatible(JsonNode body, @Context HttpServerResponse response) {
        return openAiFormat(ProviderId.OPENAI_COMPATIBLE, body, response);
    }

    /**
     * Azure OpenAI's deployments: OpenAI's format under the deployment's path, which names the model
     * (the body's {@code model} is optional there). Every simulated azure-openai instance is served here.
     */
    @POST
    @Path("/azure-openai/openai/deployments/{deployment}/chat/completions")
    public RestMulti<Buffer> azureOpenAi(@PathParam("deployment") String deployment, JsonNode body,
            @Context HttpServerResponse response) {
        return openAiFormat(AZURE_OPENAI, deployment, body, response);
    }

    private RestMulti<Buffer> openAiFormat(ProviderId provider, JsonNode body, HttpServerResponse response) {
        return openAiFormat(provider, body.path("model").asText("unknown"), body, response);
    }

    private RestMulti<Buffer> openAiFormat(ProviderId provider, String model, JsonNode body, HttpServerResponse response) {
        Answer answer = Answer.of(provider, model, body.path("messages"), "content",
                body.path("messages").toString(), SimulatedTurn.fromOpenAi(body));
        if (!streamed(body)) {
            return reply(provider, () -> SimulatedReplies.openAiCompletion(answer.model(), answer.turn(),
                    answer.promptTokens()));
        }
        boolean usage = body.path("stream_options").path("include_usage").asBoolean(false);
        return stream(provider, response,
                () -> wire.openAiEvents(answer.model(), answer.turn(), answer.promptTokens(), usage));
    }

    @POST
    @Path("/anthropic/v1/messages")
    public RestMulti<Buffer> anthropic(JsonNode body, @Context HttpServerResponse response) {
        Answer answer = Answer.of(ProviderId.ANTHROPIC, body.path("model").asText("unknown"), body.path("messages"),
                "content", body.path("messages").toString() + body.path("system").toString(),
                SimulatedTurn.fromAnthropic(body, AnthropicTranslator.JSON_INSTRUCTION));
        if (!streamed(body)) {
            return reply(ProviderId.ANTHROPIC, () -> SimulatedReplies.anthropicMessage(answer.model(), answer.turn(),
                    answer.promptTokens()));
        }
        return stream(ProviderId.ANTHROPIC, response,
                () -> wire.anthropicEvents(answer.model(), answer.turn(), answer.promptTokens()));
    }

    @POST
    @Path("/gemini/v1beta/models/{model}:generateContent")
    public RestMulti<Buffer> gemini(@PathParam("model") String model, JsonNode body) {
        Answer answer = geminiAnswer(model, body);
        return reply(ProviderId.GEMINI, () -> SimulatedReplies.geminiResponse(answer.model(), answer.turn(),
                answer.promptTokens()));
    }

    /** Gemini streams from its own method. Always as {@code alt=sse} events, the only form the gateway asks for. */
    @POST
    @Path("/gemini/v1beta/models/{model}:streamGenerateContent")
    public RestMulti<Buffer> geminiStream(@PathParam("model") String model, JsonNode body,
            @Context HttpServerResponse response) {
        Answer answer = geminiAnswer(model, body);
        return stream(ProviderId.GEMINI, response,
                () -> wire.geminiEvents(answer.model(), answer.turn(), answer.promptTokens()));
    }

    private static Answer geminiAnswer(String model, JsonNode body) {
        return geminiAnswer(ProviderId.GEMINI, model, body);
    }

    private static Answer geminiAnswer(ProviderId provider, String model, JsonNode body) {
        return Answer.of(provider, model, body.path("contents"), "parts", body.path("contents").toString(),
                SimulatedTurn.fromGemini(body));
    }

    /**
     * Gemini on Vertex AI: the Gemini wire format under Vertex's paths. Any project and location are
     * answered (a simulated instance needs neither); faults are set under {@code /simulated/vertex-ai/fault}.
     */
    @POST
    @Path("/vertex-ai/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:generateContent")
    public RestMulti<Buffer> vertexAi(@PathParam("model") String model, JsonNode body) {
        ProviderId vertex = ProviderId.ofType(ProviderType.VERTEX_AI);
        Answer answer = geminiAnswer(vertex, model, body);
        return reply(vertex, () -> SimulatedReplies.geminiResponse(answer.model(), answer.turn(), answer.promptTokens()));
    }

    @POST
    @Path("/vertex-ai/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:streamGenerateContent")
    public RestMulti<Buffer> vertexAiStream(@PathParam("model") String model, JsonNode body,
            @Context HttpServerResponse response) {
        ProviderId vertex = ProviderId.ofType(ProviderType.VERTEX_AI);
        Answer answer = geminiAnswer(vertex, model, body);
        return stream(vertex, response, () -> wire.geminiEvents(answer.model(), answer.turn(), answer.promptTokens()));
    }

    @POST
    @Path("/openai/v1/embeddings")
    public RestMulti<Buffer> openAiEmbeddings(JsonNode body) {
        return openAiFormatEmbeddings(ProviderId.OPENAI, body);
    }

    @POST
    @Path("/openai-compatible/v1/embeddings")
    public RestMulti<Buffer> openAiCompatibleEmbeddings(JsonNode body) {
        return openAiFormatEmbeddings(ProviderId.OPENAI_COMPATIBLE, body);
    }

    @POST
    @Path("/azure-openai/openai/deployments/{deployment}/embeddings")
    public RestMulti<Buffer> azureOpenAiEmbeddings(@PathParam("deployment") String deployment, JsonNode body) {
        return openAiFormatEmbeddings(AZURE_OPENAI, deployment, body);
    }

    private RestMulti<Buffer> openAiFormatEmbeddings(ProviderId provider, JsonNode body) {
        return openAiFormatEmbeddings(provider, body.path("model").asText("unknown"), body);
    }

    private RestMulti<Buffer> openAiFormatEmbeddings(ProviderId provider, String model, JsonNode body) {
        Integer size = SimulatedEmbeddings.size(body.path("dimensions"), SimulatedEmbeddings.OPENAI_DEFAULT);
        if (size == null) {
            return send(Uni.createFrom().item(() -> json(400, SimulatedReplies.error(provider, 400))));
        }
        return reply(provider, () -> SimulatedEmbeddings.openAi(model, SimulatedEmbeddings.texts(body.path("input")), size));
    }

    @POST
    @Path("/gemini/v1beta/models/{model}:embedContent")
    public RestMulti<Buffer> geminiEmbed(@PathParam("model") String model, JsonNode body) {
        Integer size = SimulatedEmbeddings.size(body.path("outputDimensionality"), SimulatedEmbeddings.GEMINI_DEFAULT);
        if (size == null) {
            return send(Uni.createFrom().item(() -> json(400, SimulatedReplies.error(ProviderId.GEMINI, 400))));
        }
        return reply(ProviderId.GEMINI, () -> com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("embedding",
                SimulatedEmbeddings.gemini(model, SimulatedEmbeddings.text(body.path("content")), size)));
    }

    @POST
    @Path("/gemini/v1beta/models/{model}:batchEmbedContents")
    public RestMulti<Buffer> geminiBatchEmbed(@PathParam("model") String model, JsonNode body) {
        for (JsonNode request : body.path("requests")) {
            if (SimulatedEmbeddings.size(request.path("outputDimensionality"), SimulatedEmbeddings.GEMINI_DEFAULT) == null) {
                return send(Uni.createFrom().item(() -> json(400, SimulatedReplies.error(ProviderId.GEMINI, 400))));
            }
        }
        return reply(ProviderId.GEMINI, () -> {
            var answer = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            var embeddings = answer.putArray("embeddings");
            for (JsonNode request : body.path("requests")) {
                embeddings.add(SimulatedEmbeddings.gemini(model, SimulatedEmbeddings.text(request.path("content")),
                        SimulatedEmbeddings.size(request.path("outputDimensionality"), SimulatedEmbeddings.GEMINI_DEFAULT)));
            }
            return answer;
        });
    }

    /**
     * Make a simulated provider misbehave: {@code {"status":503}}, {@code {"status":429,"retryAfterSeconds":5}},
     * {@code {"delayMs":15000}}; and for streams {@code {"cutAfterEvents":3}}, {@code {"stallAfterEvents":3}}.
     */
    @PUT
    @Path("/{provider}/fault")
    @Produces(MediaType.APPLICATION_JSON)
    public SimulatedFault setFault(@PathParam("provider") String provider, SimulatedFault fault) {
        ProviderId id = simulated(provider);
        SimulatedFault effective = fault == null ? SimulatedFault.NONE : fault;
        effective.problem().ifPresent(problem -> {
            throw new BadRequestException(problem);
        });
        synchronized (faults) {
            faults.put(id, effective);
        }
        return effective;
    }

    @GET
    @Path("/{provider}/fault")
    @Produces(MediaType.APPLICATION_JSON)
    public SimulatedFault fault(@PathParam("provider") String provider) {
        return faultOf(simulated(provider));
    }

    @DELETE
    @Path("/{provider}/fault")
    @Produces(MediaType.APPLICATION_JSON)
    public SimulatedFault heal(@PathParam("provider") String provider) {
        ProviderId id = simulated(provider);
        synchronized (faults) {
            faults.remove(id);
        }
        return SimulatedFault.NONE;
    }

    /** One JSON document, or the fault's error, after the fault's delay: what a call that is not streamed gets. */
    private RestMulti<Buffer> reply(ProviderId provider, Supplier<Object> document) {
        SimulatedFault fault = faultOf(simulated(provider));
        return send(delayed(fault, () -> fault.fails() ? error(provider, fault) : json(200, document.get())));
    }

    /**
     * The events of a stream, played as the fault says. An error status is answered as a JSON error
     * before any stream starts, as the providers do; a delay holds back the first event instead of
     * the headers, which a provider sends as soon as it accepts the request.
     */
    private RestMulti<Buffer> stream(ProviderId provider, HttpServerResponse response, Supplier<List<String>> events) {
        SimulatedFault fault = faultOf(simulated(provider));
        if (fault.fails()) {
            return send(delayed(fault, () -> error(provider, fault)));
        }
        return send(Uni.createFrom().item(() -> new Reply(200, EVENT_STREAM,
                StreamPlayback.play(events.get(), fault, response::reset))));
    }

    private static Uni<Reply> delayed(SimulatedFault fault, Supplier<Reply> reply) {
        Uni<Reply> now = Uni.createFrom().item(reply);
        return fault.delayMs() > 0 ? now.onItem().delayIt().by(Duration.ofMillis(fault.delayMs())) : now;
    }

    private Reply error(ProviderId provider, SimulatedFault fault) {
        Reply error = json(fault.status(), SimulatedReplies.error(provider, fault.status()));
        return fault.retryAfterSeconds() == null ? error
                : error.with(HttpHeaders.RETRY_AFTER, fault.retryAfterSeconds().toString());
    }

    private Reply json(int status, Object document) {
        byte[] bytes = wire.json(document);
        return new Reply(status, Map.of(HttpHeaders.CONTENT_TYPE, List.of(JSON)),
                Multi.createFrom().item(() -> Buffer.buffer(bytes)));
    }

    /** Status and headers are decided before the first byte, then the body's buffers are written as they are. */
    private static RestMulti<Buffer> send(Uni<Reply> reply) {
        return RestMulti.fromUniResponse(reply, Reply::body, Reply::headers, Reply::status);
    }

    private static boolean streamed(JsonNode body) {
        return body.path("stream").asBoolean(false);
    }

    private SimulatedFault faultOf(ProviderId provider) {
        synchronized (faults) {
            return faults.getOrDefault(provider, SimulatedFault.NONE);
        }
    }

    /** A built-in instance, or a type without one (vertex-ai), by name. */
    private ProviderId simulated(String name) {
        return ProviderId.builtIn(name).or(() -> ProviderType.fromConfigName(name).map(ProviderId::ofType))
                .map(this::simulated).orElseThrow(NotFoundException::new);
    }

    private ProviderId simulated(ProviderId provider) {
        if (!endpoints.simulates(provider.type())) {
            throw new NotFoundException();
        }
        return provider;
    }

    /** What a request is answered, whether whole or streamed: the same turn either way. */
    private record Answer(String model, SimulatedTurn turn, int promptTokens) {

        static Answer of(ProviderId provider, String model, JsonNode turns, String partsField, String prompt,
                SimulatedTurn.Asked asked) {
            String said = SimulatedReplies.lastUserText(turns, "user", partsField);
            return new Answer(model, SimulatedTurn.decide(asked, said, SimulatedReplies.answer(provider, model, said)),
                    SimulatedReplies.tokens(prompt));
        }

        String text() {
            return turn.text();
        }
    }

    /** An answer as it goes on the wire: status and headers known before the first byte of the body. */
    private record Reply(int status, Map<String, List<String>> headers, Multi<Buffer> body) {

        Reply with(String header, String value) {
            Map<String, List<String>> more = new HashMap<>(headers);
            more.put(header, List.of(value));
            return new Reply(status, more, body);
        }
    }
}
