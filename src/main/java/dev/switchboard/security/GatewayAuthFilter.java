package dev.switchboard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.switchboard.api.OpenAiError;
import dev.switchboard.config.SwitchboardConfig;

/**
 * When gateway keys are configured, every {@code /v1} call must carry one as a Bearer token.
 * Runs before the body is read, so an unauthenticated caller costs almost nothing. The caller's
 * Authorization header is never forwarded: provider clients send only the provider's own key.
 */
public class GatewayAuthFilter {

    private final List<byte[]> keys;

    public GatewayAuthFilter(SwitchboardConfig config) {
        this.keys = config.auth().apiKeys().orElse(List.of()).stream()
                .map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        if (keys.isEmpty() || !request.getUriInfo().getPath().startsWith("/v1")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && known(header.substring(7).trim())) {
            return null;
        }
        String message = header == null
                ? "Missing gateway API key: send it as 'Authorization: Bearer <key>'."
                : "Incorrect gateway API key provided.";
        return Response.status(401).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(OpenAiError.of(message, "invalid_request_error", null, "invalid_api_key")).build();
    }

    /** Compares against every key in constant time, so timing reveals nothing about near misses. */
    private boolean known(String presented) {
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, candidate);
        }
        return match;
    }
}
