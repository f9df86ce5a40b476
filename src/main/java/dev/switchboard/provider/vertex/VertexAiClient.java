package dev.switchboard.provider.vertex;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.switchboard.provider.EventStreamBody;
import dev.switchboard.provider.FailureFallback;
import dev.switchboard.provider.JsonBody;
import dev.switchboard.provider.JsonBodyWriter;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderPolicy;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.provider.gemini.GeminiErrors;
import dev.switchboard.provider.gemini.GeminiResponse;
import dev.switchboard.provider.gemini.GeminiStreamDecoder;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.ClientQueryParam;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Gemini on Vertex AI: the same GenerateContent request and response as the Gemini API, under a
 * project and a location, with an OAuth access token in {@code Authorization: Bearer}. The base URL
 * is the bare host (it follows the location, see {@link VertexAiSettings#hostFor}); the version is
 * part of each path. Errors are Google's {@code {"error":{code,message,status,details}}}, classified
 * as for the Gemini API.
 */
@RegisterProvider(JsonBodyWriter.class)
@RegisterProvider(EventStreamBody.class)
@RegisterRestClient(configKey = "vertex-ai", baseUri = "https://aiplatform.googleapis.com")
public interface VertexAiClient {

    /**
     * Timeout, breaker window, ratio and delay: the API's backstop, see {@link ProviderPolicy}; each
     * instance has its own, tighter ones. Rate limits and rejected requests count as breaker
     * successes: they say the API is up. The fallback types whatever ended the call
     * (see {@link FailureFallback}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:generateContent")
    @Timeout(ProviderPolicy.BACKSTOP_TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = ProviderPolicy.BACKSTOP_WINDOW,
            failureRatio = ProviderPolicy.BREAKER_FAILURE_RATIO, delay = ProviderPolicy.BREAKER_DELAY_MS,
            successThreshold = ProviderPolicy.BREAKER_SUCCESS_THRESHOLD,
            skipOn = { ProviderFailure.RateLimited.class, ProviderFailure.RequestRejected.class,
                    ProviderFailure.ContextTooLong.class, ProviderFailure.ContentFiltered.class,
                    ProviderFailure.AuthRejected.class })
    @CircuitBreakerName(ProviderPolicy.VERTEX_AI_BACKSTOP)
    @Fallback(VertexAiFailureFallback.class)
    Uni<GeminiResponse> generateContent(@Url String baseUrl, @PathParam("project") String project,
            @PathParam("location") String location, @PathParam("model") String model,
            @HeaderParam("Authorization") String authorization, JsonBody body);

    /**
     * The same request, answered as server-sent events ({@code alt=sse}). No fault-tolerance
     * annotation: the router's first-token and idle limits judge a stream; an error status before it
     * starts is typed by the exception mapper below, an error event during it by {@link GeminiStreamDecoder}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:streamGenerateContent")
    @ClientQueryParam(name = "alt", value = "sse")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @ClientHeaderParam(name = "Connection", value = ProviderPolicy.STREAM_CONNECTION)
    Multi<byte[]> streamGenerateContent(@Url String baseUrl, @PathParam("project") String project,
            @PathParam("location") String location, @PathParam("model") String model,
            @HeaderParam("Authorization") String authorization, JsonBody body);

    /**
     * Google's publisher models, one of them: the health probe's call, never billed, to the same host
     * with the same token as a completion (v1 has no list, only v1beta1). No {@code x-goog-user-project}:
     * a service account's calls are its own project's, and that header would need a permission more.
     * No fault-tolerance annotation: a probe must not count in the breaker that guards completions.
     */
    @GET
    @Path("/v1beta1/publishers/google/models")
    @ClientQueryParam(name = "pageSize", value = "1")
    Uni<VertexModelList> listPublisherModels(@Url String baseUrl, @HeaderParam("Authorization") String authorization);

    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return GeminiErrors.classify(ProviderId.ofType(ProviderType.VERTEX_AI), response);
    }
}
