package dev.switchboard.provider;

import java.util.Optional;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.StreamEvent;
import dev.switchboard.routing.Route;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One provider API, seen by the router: translation in, a call through the API's typed REST client
 * (which carries its timeout, circuit breaker and fallback) to the route's provider instance,
 * translation out. Every failure arrives as a {@link ProviderFailure}.
 */
public interface ProviderAdapter {

    ProviderType type();

    /** Why this provider cannot serve the request as asked (a parameter it has no equivalent for), if so. */
    Optional<String> unsupported(ChatRequest request);

    Uni<ChatResult> chat(ChatRequest request, Route route);

    /**
     * The answer as it is generated. Failures arrive as {@link ProviderFailure}s: an error status
     * before the stream starts, or an error event or unreadable data during it. The stream simply
     * ends if the connection does; the router judges whether the answer was complete.
     *
     * @param prefill the start of an answer to continue from, when the router recovers a broken
     *                stream on this route (only offered where {@link ProviderInstances#canContinue} is true)
     */
    Multi<StreamEvent> stream(ChatRequest request, Route route, Optional<String> prefill);

    /**
     * The active health probe: one cheap call that is never billed (the provider's model list) and
     * reaches the same host, with the same key, as a completion. Completes when the provider answered
     * in the documented shape; fails with a {@link ProviderFailure} otherwise (see
     * {@link ModelListProbe}). It has no timeout, breaker or fallback of its own: the prober bounds
     * it, and a probe must not count in the breaker that guards requests.
     */
    Uni<Void> probe(ProviderId instance);
}
