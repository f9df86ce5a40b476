package dev.switchboard.provider.anthropic;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.provider.ErrorBodies;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;

/**
 * Classifies an Anthropic error response, {@code {"type":"error","error":{"type","message"}}} (see
 * {@link AnthropicErrorResponse}). Read as a tree: a proxy in front of the API may send HTML instead.
 */
public final class AnthropicErrors {

    /**
     * An overflow comes as a plain invalid_request_error, told apart only by its message:
     * "prompt is too long: 208403 tokens > 200000 maximum", or "input length and `max_tokens`
     * exceed context limit" when the prompt fits but leaves no room for the answer.
     */
    private static final List<String> CONTEXT_PHRASES = List.of(
            "prompt is too long", "context window", "context length", "context limit");

    private AnthropicErrors() {
    }

    public static ProviderFailure classify(ProviderId provider, Response response) {
        JsonNode body = ErrorBodies.json(ErrorBodies.body(response));
        return classify(provider, response.getStatus(), body, ErrorBodies.retryAfter(response).orElse(null));
    }

    static ProviderFailure classify(ProviderId provider, int status, JsonNode body, Duration retryAfter) {
        JsonNode error = body.path("error");
        String type = error.path("type").asText("");
        String message = ErrorBodies.firstText("HTTP " + status, error.path("message"), body.path("message"));
        if (status == 529 || "overloaded_error".equals(type)) {
            return new ProviderFailure.ServerError(provider, status, message);
        }
        if ("rate_limit_error".equals(type)) {
            return new ProviderFailure.RateLimited(provider, status, message, retryAfter);
        }
        if ("billing_error".equals(type)) {
            // Billing, not load: retrying cannot help until someone changes the account.
            return new ProviderFailure.AuthRejected(provider, status, message);
        }
        if (status == 400 && mentionsContext(message)) {
            return new ProviderFailure.ContextTooLong(provider, status, message);
        }
        return ErrorBodies.byStatus(provider, status, message, retryAfter);
    }

    private static boolean mentionsContext(String message) {
        String lowered = message.toLowerCase(Locale.ROOT);
        return CONTEXT_PHRASES.stream().anyMatch(lowered::contains);
    }
}
