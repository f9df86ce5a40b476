package dev.switchboard.provider.openai;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** OpenAI's Chat Completions API. The base URL includes the version ({@code https://api.openai.com/v1}). */
@RegisterProvider(JsonBodyWriter.class)
@RegisterProvider(EventStreamBody.class)
@RegisterRestClient(configKey = "openai", baseUri = "https://api.openai.com/v1")
public interface OpenAiClient {

    /**
     * Timeout, breaker window, ratio and delay: see {@link ProviderPolicy} for why each default.
     * Rate limits and rejected requests count as breaker successes: they say the provider is up.
     * The fallback types whatever ended the call (see {@link FailureFallback}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/chat/completions")
    @Timeout(ProviderPolicy.BACKSTOP_TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = ProviderPolicy.BACKSTOP_WINDOW,
            failureRatio = ProviderPolicy.BREAKER_FAILURE_RATIO, delay = ProviderPolicy.BREAKER_DELAY_MS,
            successThreshold = ProviderPolicy.BREAKER_SUCCESS_THRESHOLD,
            skipOn = { ProviderFailure.RateLimited.class, ProviderFailure.RequestRejected.class,
                    ProviderFailure.ContextTooLong.class, ProviderFailure.ContentFiltered.class,
                    ProviderFailure.AuthRejected.class })
    @CircuitBreakerName(ProviderPolicy.OPENAI_BACKSTOP)
    @Fallback(OpenAiFailureFallback.class)
    Uni<OpenAiChatResponse> chatCompletions(@Url String baseUrl, @HeaderParam("Authorization") String authorization,
            JsonBody body);

    /**
     * The same call with {@code "stream": true}. Fault tolerance has no meaning for a stream as a
     * whole, so the router applies a time-to-first-token and an idle limit instead; an error
     * status before the stream starts is typed by the exception mapper below, as for
     * {@link #chatCompletions}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/chat/completions")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @ClientHeaderParam(name = "Connection", value = ProviderPolicy.STREAM_CONNECTION)
    Multi<byte[]> streamChatCompletions(@Url String baseUrl,
            @HeaderParam("Authorization") String authorization, JsonBody body);

    /**
     * The model list: the health probe's cheap call, never billed. It carries no fault-tolerance
     * annotation on purpose: a probe must not count in the breaker that guards completions, and
     * the prober bounds it with its own timeout ({@code switchboard.probes.timeout}). OpenAI
     * documents no page size, so the whole list comes (a few kilobytes).
     */
    @GET
    @Path("/models")
    Uni<OpenAiModelList> listModels(@Url String baseUrl, @HeaderParam("Authorization") String authorization);

    /**
     * {@code POST {base}/embeddings}, with the same timeout, breaker policy and fallback as
     * {@link #chatCompletions}. Its breaker has a name of its own ({@code openai-embeddings}): SmallRye refuses
     * two breakers of one name, and an embeddings endpoint failing says little about completions.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/embeddings")
    @Timeout(ProviderPolicy.BACKSTOP_TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = ProviderPolicy.BACKSTOP_WINDOW,
            failureRatio = ProviderPolicy.BREAKER_FAILURE_RATIO, delay = ProviderPolicy.BREAKER_DELAY_MS,
            successThreshold = ProviderPolicy.BREAKER_SUCCESS_THRESHOLD,
            skipOn = { ProviderFailure.RateLimited.class, ProviderFailure.RequestRejected.class,
                    ProviderFailure.ContextTooLong.class, ProviderFailure.ContentFiltered.class,
                    ProviderFailure.AuthRejected.class })
    @CircuitBreakerName(ProviderPolicy.OPENAI_EMBEDDINGS_BACKSTOP)
    @Fallback(OpenAiEmbeddingsFailureFallback.class)
    Uni<OpenAiEmbeddingResponse> embeddings(@Url String baseUrl, @HeaderParam("Authorization") String authorization,
            JsonBody body);

    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return OpenAiErrors.classify(ProviderId.OPENAI, response);
    }
}
