package dev.switchboard.provider.gemini;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.provider.ErrorBodies;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.RetryAfter;

/**
 * Classifies a Gemini error response: Google's {@code {"error":{code,message,status,details}}}, where
 * {@code details} holds typed {@code google.rpc} messages (ErrorInfo, RetryInfo, QuotaFailure...).
 * Only the message is quoted; the key travels in a header, so no message can carry it.
 */
public final class GeminiErrors {

    private static final String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";
    private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";

    private GeminiErrors() {
    }

    public static ProviderFailure classify(ProviderId provider, Response response) {
        JsonNode body = ErrorBodies.json(ErrorBodies.body(response));
        return classify(provider, response.getStatus(), body, ErrorBodies.retryAfter(response).orElse(null));
    }

    static ProviderFailure classify(ProviderId provider, int status, JsonNode body, Duration retryAfter) {
        // Some Google front ends wrap the error object in a one-element array.
        JsonNode error = (body.isArray() ? body.path(0) : body).path("error");
        String message = ErrorBodies.firstText("HTTP " + status, error.path("message"), error);
        return classify(provider, status, status, error, message, retryAfter);
    }

    /**
     * An {@code {"error":{code,message,status}}} event in the middle of a stream. The HTTP status was
     * already 200, so the failure is judged by the {@code code} the error carries (the status it
     * would have had) and reported as status 0. Without a usable code it is judged a server error:
     * the server broke off an answer it had accepted.
     */
    public static ProviderFailure inStream(ProviderId provider, JsonNode body) {
        JsonNode error = body.path("error");
        int code = error.path("code").asInt(0);
        String message = "error event in the stream: "
                + ErrorBodies.firstText("no message", error.path("message"), error);
        return classify(provider, code >= 400 && code < 600 ? code : 500, 0, error, message, null);
    }

    /** @param judged the status that decides the failure; {@code reported} is the one it carries */
    private static ProviderFailure classify(ProviderId provider, int judged, int reported, JsonNode error,
            String message, Duration retryAfter) {
        JsonNode details = error.path("details");
        if (hasErrorInfoReason(details, "API_KEY_INVALID") || message.contains("API key not valid")) {
            // Google answers a bad key with 400 INVALID_ARGUMENT: not the request's fault, and no retry helps.
            return new ProviderFailure.AuthRejected(provider, reported, message);
        }
        if (judged == 429) {
            Duration wait = retryAfter != null ? retryAfter : retryDelay(details).orElse(null);
            return new ProviderFailure.RateLimited(provider, reported, message, wait);
        }
        if (judged == 400 && message.toLowerCase(Locale.ROOT).contains("exceeds the maximum number of tokens")) {
            return new ProviderFailure.ContextTooLong(provider, reported, message);
        }
        return ErrorBodies.byStatus(provider, judged, reported, message, retryAfter);
    }

    private static boolean hasErrorInfoReason(JsonNode details, String reason) {
        for (JsonNode detail : details) {
            if (ERROR_INFO.equals(detail.path("@type").asText()) && reason.equals(detail.path("reason").asText())) {
                return true;
            }
        }
        return false;
    }

    /** RetryInfo's {@code retryDelay} is a protobuf Duration in JSON: seconds with an {@code s}, e.g. "1.5s". */
    static Optional<Duration> retryDelay(JsonNode details) {
        for (JsonNode detail : details) {
            String delay = detail.path("retryDelay").asText("");
            if (RETRY_INFO.equals(detail.path("@type").asText()) && delay.endsWith("s")) {
                return RetryAfter.parse(delay.substring(0, delay.length() - 1), Instant.now());
            }
        }
        return Optional.empty();
    }
}
