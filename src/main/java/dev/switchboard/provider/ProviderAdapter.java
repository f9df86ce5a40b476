package dev.switchboard.provider;

import java.util.Optional;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.ChatResult;
import dev.switchboard.routing.Route;
import io.smallrye.mutiny.Uni;

/**
 * One provider, seen by the router: translation in, a call through the provider's typed REST
 * client (which carries its timeout, circuit breaker and fallback), translation out.
 * Every failure arrives as a {@link ProviderFailure}.
 */
public interface ProviderAdapter {

    ProviderId id();

    /** Why this provider cannot serve the request as asked (a parameter it has no equivalent for), if so. */
    Optional<String> unsupported(ChatRequest request);

    Uni<ChatResult> chat(ChatRequest request, Route route);
}
