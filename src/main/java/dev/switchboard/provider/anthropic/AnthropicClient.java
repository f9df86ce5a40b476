package dev.switchboard.provider.anthropic;

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
import io.quarkus.rest.client.reactive.ClientQueryParam;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Anthropic's Messages API. The base URL has no version ({@code https://api.anthropic.com}): the path
 * carries it, and the {@code anthropic-version} header pins the schema of request and response.
 */
@RegisterProvider(JsonBodyWriter.class)
@RegisterProvider(EventStreamBody.class)
@RegisterRestClient(configKey = "anthropic", baseUri = "https://api.anthropic.com")
public interface AnthropicClient {

    /**
     * Timeout, breaker window, ratio and delay: see {@link ProviderPolicy} for why each default.
     * Rate limits and rejected requests count as breaker successes: they say the provider is up.
     * The fallback types whatever ended the call (see {@link FailureFallback}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/v1/messages")
    @Timeout(ProviderPolicy.BACKSTOP_TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = ProviderPolicy.BACKSTOP_WINDOW,
            failureRatio = ProviderPolicy.BREAKER_FAILURE_RATIO, delay = ProviderPolicy.BREAKER_DELAY_MS,
            successThreshold = ProviderPolicy.BREAKER_SUCCESS_THRESHOLD,
            skipOn = { ProviderFailure.RateLimited.class, ProviderFailure.RequestRejected.class,
                    ProviderFailure.ContextTooLong.class, ProviderFailure.ContentFiltered.class,
                    ProviderFailure.AuthRejected.class })
    @CircuitBreakerName(ProviderPolicy.ANTHROPIC_BACKSTOP)
    @Fallback(AnthropicFailureFallback.class)
    Uni<AnthropicResponse> messages(@Url String baseUrl, @HeaderParam("x-api-key") String apiKey,
            @HeaderParam("anthropic-version") String version, @HeaderParam("anthropic-beta") String beta,
            JsonBody body);

    /**
     * The same call with {@code "stream": true} in the body (see {@link AnthropicRequest#streamed}).
     * Fault tolerance has no meaning for a stream as a whole, so the router applies a
     * time-to-first-token and an idle limit instead; an error status before the stream starts is
     * typed by the exception mapper below, as for {@link #messages}, and an {@code error} event
     * during it by {@link AnthropicStreamDecoder}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/v1/messages")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @ClientHeaderParam(name = "Connection", value = ProviderPolicy.STREAM_CONNECTION)
    Multi<byte[]> streamMessages(@Url String baseUrl, @HeaderParam("x-api-key") String apiKey,
            @HeaderParam("anthropic-version") String version, @HeaderParam("anthropic-beta") String beta,
            JsonBody body);

    /**
     * The model list: the health probe's cheap call, never billed. It carries no fault-tolerance
     * annotation on purpose: a probe must not count in the breaker that guards completions, and
     * the prober bounds it with its own timeout ({@code switchboard.probes.timeout}). {@code limit=1}
     * (the API takes 1 to 1000, default 20) keeps the answer to one model.
     */
    @GET
    @Path("/v1/models")
    @ClientQueryParam(name = "limit", value = "1")
    Uni<AnthropicModelList> listModels(@Url String baseUrl, @HeaderParam("x-api-key") String apiKey,
            @HeaderParam("anthropic-version") String version);

    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return AnthropicErrors.classify(ProviderId.ANTHROPIC, response);
    }
}
