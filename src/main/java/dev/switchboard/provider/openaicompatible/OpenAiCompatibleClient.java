package dev.switchboard.provider.openaicompatible;

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
import dev.switchboard.provider.openai.OpenAiFailureFallback;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderPolicy;
import dev.switchboard.provider.openai.OpenAiChatResponse;
import dev.switchboard.provider.openai.OpenAiEmbeddingResponse;
import dev.switchboard.provider.openai.OpenAiEmbeddingsFailureFallback;
import dev.switchboard.provider.openai.OpenAiErrors;
import dev.switchboard.provider.openai.OpenAiModelList;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Any server speaking the Chat Completions format (vLLM, Ollama, Groq, Together...). Its own
 * client, so it has its own breaker: a local vLLM going down must not open OpenAI's circuit.
 */
@RegisterProvider(JsonBodyWriter.class)
@RegisterProvider(EventStreamBody.class)
@RegisterRestClient(configKey = "openai-compatible", baseUri = "http://localhost:8000/v1")
public interface OpenAiCompatibleClient {

    /** Same policy as {@link dev.switchboard.provider.openai.OpenAiClient}; see {@link ProviderPolicy}. */
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
    @CircuitBreakerName(ProviderPolicy.OPENAI_COMPATIBLE_BACKSTOP)
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
     * the prober bounds it with its own timeout ({@code switchboard.probes.timeout}). vLLM, Ollama
     * and most others serve {@code GET /v1/models}; a server that does not is told apart by its
     * 404 and never marked down for it.
     */
    @GET
    @Path("/models")
    Uni<OpenAiModelList> listModels(@Url String baseUrl, @HeaderParam("Authorization") String authorization);

    /**
     * {@code POST {base}/embeddings}, with the same timeout, breaker policy and fallback as
     * {@link #chatCompletions}. Its breaker has a name of its own ({@code openai-compatible-embeddings}): SmallRye refuses
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
    @CircuitBreakerName(ProviderPolicy.OPENAI_COMPATIBLE_EMBEDDINGS_BACKSTOP)
    @Fallback(OpenAiEmbeddingsFailureFallback.class)
    Uni<OpenAiEmbeddingResponse> embeddings(@Url String baseUrl, @HeaderParam("Authorization") String authorization,
            JsonBody body);

    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return OpenAiErrors.classify(ProviderId.OPENAI_COMPATIBLE, response);
    }
}
