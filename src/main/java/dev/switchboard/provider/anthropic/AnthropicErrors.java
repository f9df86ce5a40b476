package dev.switchboard.provider.anthropic;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** The HTTP status Anthropic's errors page gives for each error type. */
    private static final Map<String, Integer> DOCUMENTED_STATUS = Map.of(
            "invalid_request_error", 400,
            "authentication_error", 401,
            "billing_error", 402,
            "permission_error", 403,
            "not_found_error", 404,
            "request_too_large", 413,
            "rate_limit_error", 429,
            "api_error", 500,
            "timeout_error", 504,
            "overloaded_error", 529);

    private AnthropicErrors() {
    }

    public static ProviderFailure classify(ProviderId provider, Response response) {
        JsonNode body = ErrorBodies.json(ErrorBodies.body(response));
        return classify(provider, response.getStatus(), body, ErrorBodies.retryAfter(response).orElse(null));
    }

    static ProviderFailure classify(ProviderId provider, int status, JsonNode body, Duration retryAfter) {
        JsonNode error = body.path("error");
        String message = ErrorBodies.firstText("HTTP " + status, error.path("message"), body.path("message"));
        return classify(provider, status, status, error.path("type").asText(""), message, retryAfter);
    }

    /**
     * An {@code error} event in the middle of a stream, {@code {"type":"error","error":{"type","message"}}}:
     * the HTTP status was already 200, so the error type is all there is to judge by. It is judged
     * as the status Anthropic documents for that type (an {@code overloaded_error} as the 529 it
     * would have been without streaming) and reported as status 0. A type not documented yet is
     * judged a server error: the server broke off an answer it had accepted.
     */
    public static ProviderFailure inStream(ProviderId provider, JsonNode body) {
        JsonNode error = body.path("error");
        String type = error.path("type").asText("");
        String message = "error event in the stream: "
                + ErrorBodies.firstText("no message", error.path("message"), body.path("message"));
        return classify(provider, DOCUMENTED_STATUS.getOrDefault(type, 500), 0, type, message, null);
    }

    /** @param judged the status that decides the failure; {@code reported} is the one it carries */
    private static ProviderFailure classify(ProviderId provider, int judged, int reported, String type, String message,
            Duration retryAfter) {
        if (judged == 529 || "overloaded_error".equals(type)) {
            return new ProviderFailure.ServerError(provider, reported, message);
        }
        if ("rate_limit_error".equals(type)) {
            return new ProviderFailure.RateLimited(provider, reported, message, retryAfter);
        }
        if ("billing_error".equals(type)) {
            // Billing, not load: retrying cannot help until someone changes the account.
            return new ProviderFailure.AuthRejected(provider, reported, message);
        }
        if (judged == 400 && mentionsContext(message)) {
            return new ProviderFailure.ContextTooLong(provider, reported, message);
        }
        return ErrorBodies.byStatus(provider, judged, reported, message, retryAfter);
    }

    private static boolean mentionsContext(String message) {
        String lowered = message.toLowerCase(Locale.ROOT);
        return CONTEXT_PHRASES.stream().anyMatch(lowered::contains);
    }
}
