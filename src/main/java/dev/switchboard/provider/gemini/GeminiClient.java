package dev.switchboard.provider.gemini;

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
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.ClientQueryParam;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Gemini's generateContent API. The version is part of the path, so the base URL is the bare host.
 * The key goes in {@code x-goog-api-key}, never in a {@code ?key=} query, so no logged URL carries it.
 */
@RegisterProvider(JsonBodyWriter.class)
@RegisterProvider(EventStreamBody.class)
@RegisterRestClient(configKey = "gemini", baseUri = "https://generativelanguage.googleapis.com")
public interface GeminiClient {

    /**
     * Timeout, breaker window, ratio and delay: see {@link ProviderPolicy} for why each default.
     * Rate limits and rejected requests count as breaker successes: they say the provider is up.
     * The fallback types whatever ended the call (see {@link FailureFallback}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/v1beta/models/{model}:generateContent")
    @Timeout(ProviderPolicy.BACKSTOP_TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = ProviderPolicy.BACKSTOP_WINDOW,
            failureRatio = ProviderPolicy.BREAKER_FAILURE_RATIO, delay = ProviderPolicy.BREAKER_DELAY_MS,
            successThreshold = ProviderPolicy.BREAKER_SUCCESS_THRESHOLD,
            skipOn = { ProviderFailure.RateLimited.class, ProviderFailure.RequestRejected.class,
                    ProviderFailure.ContextTooLong.class, ProviderFailure.ContentFiltered.class,
                    ProviderFailure.AuthRejected.class })
    @CircuitBreakerName(ProviderPolicy.GEMINI_BACKSTOP)
    @Fallback(GeminiFailureFallback.class)
    Uni<GeminiResponse> generateContent(@Url String baseUrl, @PathParam("model") String model,
            @HeaderParam("x-goog-api-key") String apiKey, JsonBody body);

    /**
     * The same request, answered as server-sent events: {@code alt=sse} asks for them (without it
     * the answer is one JSON array, sent in pieces). Fault tolerance has no meaning for a stream as
     * a whole, so the router applies a time-to-first-token and an idle limit instead; an error
     * status before the stream starts is typed by the exception mapper below, as for
     * {@link #generateContent}, and an error event during it by {@link GeminiStreamDecoder}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/v1beta/models/{model}:streamGenerateContent")
    @ClientQueryParam(name = "alt", value = "sse")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @ClientHeaderParam(name = "Connection", value = ProviderPolicy.STREAM_CONNECTION)
    Multi<byte[]> streamGenerateContent(@Url String baseUrl, @PathParam("model") String model,
            @HeaderParam("x-goog-api-key") String apiKey, JsonBody body);

    /**
     * One text's embedding, with the same timeout, breaker policy and fallback as {@link #generateContent}.
     * Each embeddings method has a breaker of its own name: SmallRye refuses two breakers of one name.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/v1beta/models/{model}:embedContent")
    @Timeout(ProviderPolicy.BACKSTOP_TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = ProviderPolicy.BACKSTOP_WINDOW,
            failureRatio = ProviderPolicy.BREAKER_FAILURE_RATIO, delay = ProviderPolicy.BREAKER_DELAY_MS,
            successThreshold = ProviderPolicy.BREAKER_SUCCESS_THRESHOLD,
            skipOn = { ProviderFailure.RateLimited.class, ProviderFailure.RequestRejected.class,
                    ProviderFailure.ContextTooLong.class, ProviderFailure.ContentFiltered.class,
                    ProviderFailure.AuthRejected.class })
    @CircuitBreakerName(ProviderPolicy.GEMINI_EMBED_CONTENT_BACKSTOP)
    @Fallback(GeminiEmbedFailureFallback.class)
    Uni<GeminiEmbeddings.Single> embedContent(@Url String baseUrl, @PathParam("model") String model,
            @HeaderParam("x-goog-api-key") String apiKey, JsonBody body);

    /** Several texts' embeddings in one call, in order; policy as for {@link #embedContent}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/v1beta/models/{model}:batchEmbedContents")
    @Timeout(ProviderPolicy.BACKSTOP_TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = ProviderPolicy.BACKSTOP_WINDOW,
            failureRatio = ProviderPolicy.BREAKER_FAILURE_RATIO, delay = ProviderPolicy.BREAKER_DELAY_MS,
            successThreshold = ProviderPolicy.BREAKER_SUCCESS_THRESHOLD,
            skipOn = { ProviderFailure.RateLimited.class, ProviderFailure.RequestRejected.class,
                    ProviderFailure.ContextTooLong.class, ProviderFailure.ContentFiltered.class,
                    ProviderFailure.AuthRejected.class })
    @CircuitBreakerName(ProviderPolicy.GEMINI_BATCH_EMBED_CONTENTS_BACKSTOP)
    @Fallback(GeminiBatchEmbedFailureFallback.class)
    Uni<GeminiEmbeddings.Batch> batchEmbedContents(@Url String baseUrl, @PathParam("model") String model,
            @HeaderParam("x-goog-api-key") String apiKey, JsonBody body);

    /**
     * The model list: the health probe's cheap call, never billed. It carries no fault-tolerance
     * annotation on purpose: a probe must not count in the breaker that guards completions, and
     * the prober bounds it with its own timeout ({@code switchboard.probes.timeout}). {@code pageSize=1}
     * (the API default is 50) keeps the answer to one model; the key goes in the header, as for
     * every other call.
     */
    @GET
    @Path("/v1beta/models")
    @ClientQueryParam(name = "pageSize", value = "1")
    Uni<GeminiModelList> listModels(@Url String baseUrl, @HeaderParam("x-goog-api-key") String apiKey);

    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return GeminiErrors.classify(ProviderId.GEMINI, response);
    }
}
