package dev.switchboard.security;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.switchboard.api.ErrorFormat;
import dev.switchboard.config.SwitchboardConfig;

/**
 * When gateway keys are configured, every {@code /v1} call must carry one as a Bearer token, or,
 * as Anthropic's SDKs send it, in {@code x-api-key} (see {@link Callers#presented}).
 * Runs before the body is read, so an unauthenticated caller costs almost nothing. The caller's
 * Authorization header is never forwarded: provider clients send only the provider's own key.
 */
public class GatewayAuthFilter {

    private final BearerKeys keys;

    public GatewayAuthFilter(SwitchboardConfig config) {
        this.keys = BearerKeys.of(config.auth().apiKeys().orElse(List.of()));
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        if (keys.isEmpty() || !request.getUriInfo().getPath().startsWith("/v1")) {
            return null;
        }
        String header = Callers.presented(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getHeaderString(Callers.API_KEY_HEADER));
        if (keys.admit(header)) {
            return null;
        }
        return BearerKeys.unauthorized(header == null
                ? "Missing gateway API key: send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'."
                : "Incorrect gateway API key provided.", ErrorFormat.at(request.getUriInfo().getPath()));
    }
}
