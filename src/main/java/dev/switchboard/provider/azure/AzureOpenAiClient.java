package dev.switchboard.provider.azure;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import dev.switchboard.provider.openai.OpenAiChatResponse;
import dev.switchboard.provider.openai.OpenAiEmbeddingResponse;
import dev.switchboard.provider.openai.OpenAiEmbeddingsFailureFallback;
import dev.switchboard.provider.openai.OpenAiFailureFallback;
import dev.switchboard.provider.openai.OpenAiModelList;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Azure OpenAI's data-plane inference API: the OpenAI Chat Completions and embeddings bodies, under
 * {@code {resource}/openai/deployments/{deployment}/...?api-version=...}, with the key in the
 * {@code api-key} header. The deployment (the route's model) is part of the path, so it decides the
 * model, whatever the body's {@code model} says.
 *
 * <p>Every resource has its own URL and none is public, so each call passes its instance's URL
 * ({@code @Url}); the registered base URI is never used ({@code .invalid} can never resolve, RFC 6761),
 * it only satisfies the REST client's need for one. The answers, the stream, the model list and the
 * error bodies are OpenAI's, hence the OpenAI records and fallback handlers.
 */
@RegisterProvider(JsonBodyWriter.class)
@RegisterProvider(EventStreamBody.class)
@RegisterRestClient(configKey = "azure-openai", baseUri = "https://azure-openai.invalid")
public interface AzureOpenAiClient {

    /**
     * Same backstop policy as {@link dev.switchboard.provider.openai.OpenAiClient}; see {@link ProviderPolicy}.
     * The fallback types whatever ended the call (see {@link FailureFallback}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/openai/deployments/{deployment}/chat/completions")
    @Timeout(ProviderPolicy.BACKSTOP_TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = ProviderPolicy.BACKSTOP_WINDOW,
            failureRatio = ProviderPolicy.BREAKER_FAILURE_RATIO, delay = ProviderPolicy.BREAKER_DELAY_MS,
            successThreshold = ProviderPolicy.BREAKER_SUCCESS_THRESHOLD,
            skipOn = { ProviderFailure.RateLimited.class, ProviderFailure.RequestRejected.class,
                    ProviderFailure.ContextTooLong.class, ProviderFailure.ContentFiltered.class,
                    ProviderFailure.AuthRejected.class })
    @CircuitBreakerName(ProviderPolicy.AZURE_OPENAI_BACKSTOP)
    @Fallback(OpenAiFailureFallback.class)
    Uni<OpenAiChatResponse> chatCompletions(@Url String baseUrl, @PathParam("deployment") String deployment,
            @QueryParam("api-version") String apiVersion, @HeaderParam("api-key") String apiKey, JsonBody body);

    /**
     * The same call with {@code "stream": true}: OpenAI's server-sent events, after an opening chunk of
     * Azure's own with the prompt's filter results ({@link AzureStreamDecoder}). No fault-tolerance
     * annotation: the router's first-token and idle limits judge a stream.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/openai/deployments/{deployment}/chat/completions")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @ClientHeaderParam(name = "Connection", value = ProviderPolicy.STREAM_CONNECTION)
    Multi<byte[]> streamChatCompletions(@Url String baseUrl, @PathParam("deployment") String deployment,
            @QueryParam("api-version") String apiVersion, @HeaderParam("api-key") String apiKey, JsonBody body);

    /**
     * {@code GET {resource}/openai/models}: the models the resource can deploy, with the same key as a
     * completion. The health probe's call: cheap and never billed, and without fault-tolerance
     * annotations, so it never counts in the breaker that guards completions.
     */
    @GET
    @Path("/openai/models")
    Uni<OpenAiModelList> listModels(@Url String baseUrl, @QueryParam("api-version") String apiVersion,
            @HeaderParam("api-key") String apiKey);

    /** Embeddings of an embeddings deployment, with a backstop breaker of its own (see {@link #chatCompletions}). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/openai/deployments/{deployment}/embeddings")
    @Timeout(ProviderPolicy.BACKSTOP_TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = ProviderPolicy.BACKSTOP_WINDOW,
            failureRatio = ProviderPolicy.BREAKER_FAILURE_RATIO, delay = ProviderPolicy.BREAKER_DELAY_MS,
            successThreshold = ProviderPolicy.BREAKER_SUCCESS_THRESHOLD,
            skipOn = { ProviderFailure.RateLimited.class, ProviderFailure.RequestRejected.class,
                    ProviderFailure.ContextTooLong.class, ProviderFailure.ContentFiltered.class,
                    ProviderFailure.AuthRejected.class })
    @CircuitBreakerName(ProviderPolicy.AZURE_OPENAI_EMBEDDINGS_BACKSTOP)
    @Fallback(OpenAiEmbeddingsFailureFallback.class)
    Uni<OpenAiEmbeddingResponse> embeddings(@Url String baseUrl, @PathParam("deployment") String deployment,
            @QueryParam("api-version") String apiVersion, @HeaderParam("api-key") String apiKey, JsonBody body);

    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return AzureOpenAiErrors.classify(ProviderId.ofType(ProviderType.AZURE_OPENAI), response);
    }
}
