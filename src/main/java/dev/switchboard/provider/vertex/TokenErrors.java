package dev.switchboard.provider.vertex;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.provider.ErrorBodies;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;

/**
 * A token endpoint's refusal, typed like any provider failure and attributed to the instance by
 * {@link TokenSource}, so the router fails over as for a rejected key. OAuth's error body is
 * {@code {"error":"invalid_grant","error_description":"..."}}; only those two fields are quoted
 * (neither ever carries the assertion or a token).
 */
final class TokenErrors {

    private TokenErrors() {
    }

    static ProviderFailure classify(Response response) {
        int status = response.getStatus();
        JsonNode body = ErrorBodies.json(ErrorBodies.body(response));
        String error = ErrorBodies.firstText("HTTP " + status, body.path("error"), body.path("error").path("message"));
        String description = body.path("error_description").isTextual()
                ? ": " + ErrorBodies.shorten(body.path("error_description").asText()) : "";
        String message = "token request refused: " + error + description;
        ProviderId vertex = ProviderId.ofType(ProviderType.VERTEX_AI);
        if (status == 400 || status == 401 || status == 403 || status == 404) {
            // invalid_grant, invalid_client, unauthorized_client, or a metadata server without that
            // account: the credentials are wrong, and asking again cannot help.
            return new ProviderFailure.AuthRejected(vertex, status, message);
        }
        if (status == 429) {
            return new ProviderFailure.RateLimited(vertex, status, message, ErrorBodies.retryAfter(response).orElse(null));
        }
        return new ProviderFailure.ServerError(vertex, status, message);
    }
}
