package dev.switchboard.provider.openai;

import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.provider.ErrorBodies;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;

/**
 * Classifies an OpenAI-format error response. OpenAI sends {@code {"error":{message,type,param,code}}};
 * vLLM sends {@code {"object":"error","message",...}}; some servers send {@code {"error":"text"}}.
 */
public final class OpenAiErrors {

    private static final Set<String> CONTENT_CODES = Set.of("content_policy_violation", "content_filter");

    private OpenAiErrors() {
    }

    public static ProviderFailure classify(ProviderId provider, Response response) {
        JsonNode body = ErrorBodies.json(ErrorBodies.body(response));
        return classify(provider, response.getStatus(), body, ErrorBodies.retryAfter(response).orElse(null));
    }

    /** The same, for a body already read: what an API that extends OpenAI's errors delegates to. */
    public static ProviderFailure classify(ProviderId provider, int status, JsonNode body, java.time.Duration retryAfter) {
        JsonNode error = body.path("error");
        String message = ErrorBodies.firstText("HTTP " + status, error.path("message"), error, body.path("message"));
        String code = error.path("code").asText("");
        String lowered = message.toLowerCase(Locale.ROOT);
        if ("insufficient_quota".equals(code)) {
            // Billing, not load: retrying cannot help until someone changes the account.
            return new ProviderFailure.AuthRejected(provider, status, message);
        }
        if (status == 400 || status == 413 || status == 422) {
            if ("context_length_exceeded".equals(code) || lowered.contains("maximum context length")
                    || lowered.contains("context window")) {
                return new ProviderFailure.ContextTooLong(provider, status, message);
            }
            if (CONTENT_CODES.contains(code)) {
                return new ProviderFailure.ContentFiltered(provider, status, message);
            }
        }
        return ErrorBodies.byStatus(provider, status, message, retryAfter);
    }

    /** An {@code {"error":...}} event in the middle of a stream: no status, so transient unless it says otherwise. */
    public static ProviderFailure inStream(ProviderId provider, JsonNode body) {
        JsonNode error = body.path("error");
        String message = "error event in the stream: "
                + ErrorBodies.firstText("no message", error.path("message"), error, body.path("message"));
        if (CONTENT_CODES.contains(error.path("code").asText(""))) {
            return new ProviderFailure.ContentFiltered(provider, 0, message);
        }
        return new ProviderFailure.ServerError(provider, 0, message);
    }
}
