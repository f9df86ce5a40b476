package dev.switchboard.simulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderId;
import io.smallrye.mutiny.Uni;

/**
 * The built-in simulated providers, used when a provider has no key and no URL. They speak each
 * provider's real wire format and are reached through the same typed REST clients as the real
 * ones, so routing, breakers and failover behave exactly as in production. Their faults can be
 * switched at run time to watch failover live. A real (configured) provider has no simulator: 404.
 */
@Path("/simulated")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SimulatorResource {

    private final Map<ProviderId, SimulatedFault> faults = new EnumMap<>(ProviderId.class);
    private final ProviderEndpoints endpoints;

    public SimulatorResource(ProviderEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @POST
    @Path("/openai/v1/chat/completions")
    public Uni<Response> openAi(JsonNode body) {
        return openAiFormat(ProviderId.OPENAI, body);
    }

    @POST
    @Path("/openai-compatible/v1/chat/completions")
    public Uni<Response> openAiCompatible(JsonNode body) {
        return openAiFormat(ProviderId.OPENAI_COMPATIBLE, body);
    }

    private Uni<Response> openAiFormat(ProviderId provider, JsonNode body) {
        String model = body.path("model").asText("unknown");
        return answer(provider, () -> {
            String asked = SimulatedReplies.lastUserText(body.path("messages"), "user", "content");
            return SimulatedReplies.openAiCompletion(model, SimulatedReplies.answer(provider, model, asked),
                    SimulatedReplies.tokens(body.path("messages").toString()));
        });
    }

    @POST
    @Path("/anthropic/v1/messages")
    public Uni<Response> anthropic(JsonNode body) {
        String model = body.path("model").asText("unknown");
        return answer(ProviderId.ANTHROPIC, () -> {
            String asked = SimulatedReplies.lastUserText(body.path("messages"), "user", "content");
            return SimulatedReplies.anthropicMessage(model, SimulatedReplies.answer(ProviderId.ANTHROPIC, model, asked),
                    SimulatedReplies.tokens(body.path("messages").toString() + body.path("system").asText("")));
        });
    }

    @POST
    @Path("/gemini/v1beta/models/{model}:generateContent")
    public Uni<Response> gemini(@PathParam("model") String model, JsonNode body) {
        return answer(ProviderId.GEMINI, () -> {
            String asked = SimulatedReplies.lastUserText(body.path("contents"), "user", "parts");
            return SimulatedReplies.geminiResponse(model, SimulatedReplies.answer(ProviderId.GEMINI, model, asked),
                    SimulatedReplies.tokens(body.path("contents").toString()));
        });
    }

    /** Make a simulated provider misbehave: {@code {"status":503}}, {@code {"status":429,"retryAfterSeconds":5}}, {@code {"delayMs":15000}}. */
    @PUT
    @Path("/{provider}/fault")
    public SimulatedFault setFault(@PathParam("provider") String provider, SimulatedFault fault) {
        ProviderId id = simulated(provider);
        SimulatedFault effective = fault == null ? SimulatedFault.NONE : fault;
        synchronized (faults) {
            faults.put(id, effective);
        }
        return effective;
    }

    @GET
    @Path("/{provider}/fault")
    public SimulatedFault fault(@PathParam("provider") String provider) {
        return faultOf(simulated(provider));
    }

    @DELETE
    @Path("/{provider}/fault")
    public SimulatedFault heal(@PathParam("provider") String provider) {
        ProviderId id = simulated(provider);
        synchronized (faults) {
            faults.remove(id);
        }
        return SimulatedFault.NONE;
    }

    private Uni<Response> answer(ProviderId provider, Supplier<Object> success) {
        if (!endpoints.simulated(provider)) {
            throw new NotFoundException();
        }
        SimulatedFault fault = faultOf(provider);
        Uni<Response> response = Uni.createFrom().item(() -> {
            if (!fault.fails()) {
                return Response.ok(success.get()).build();
            }
            Response.ResponseBuilder error = Response.status(fault.status()).entity(SimulatedReplies.error(provider, fault.status()));
            if (fault.retryAfterSeconds() != null) {
                error.header("Retry-After", fault.retryAfterSeconds());
            }
            return error.build();
        });
        return fault.delayMs() > 0 ? response.onItem().delayIt().by(Duration.ofMillis(fault.delayMs())) : response;
    }

    private SimulatedFault faultOf(ProviderId provider) {
        synchronized (faults) {
            return faults.getOrDefault(provider, SimulatedFault.NONE);
        }
    }

    private ProviderId simulated(String name) {
        return ProviderId.fromConfigName(name).filter(endpoints::simulated).orElseThrow(NotFoundException::new);
    }
}
