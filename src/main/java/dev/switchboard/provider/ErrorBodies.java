package dev.switchboard.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Reading providers' error responses: body, JSON fields, retry hints. */
public final class ErrorBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 500;

    private ErrorBodies() {
    }

    public static String body(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    /** The body as JSON, or a missing node when it is not JSON (an HTML error page from a proxy, say). */
    public static JsonNode json(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (Exception notJson) {
            return MissingNode.getInstance();
        }
    }

    /** The first non-empty text among the candidates, shortened to a size fit for an error message. */
    public static String firstText(String fallback, JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate != null && candidate.isTextual() && !candidate.asText().isBlank()) {
                return shorten(candidate.asText());
            }
        }
        return shorten(fallback);
    }

    public static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_MESSAGE ? flat : flat.substring(0, MAX_MESSAGE) + "...";
    }

    /** OpenAI's {@code retry-after-ms}, then the standard {@code Retry-After}. */
    public static Optional<Duration> retryAfter(Response response) {
        return RetryAfter.parseMillis(response.getHeaderString("retry-after-ms"))
                .or(() -> RetryAfter.parse(response.getHeaderString("Retry-After"), Instant.now()));
    }

    /** The status-only part of classification, shared by every provider. */
    public static ProviderFailure byStatus(ProviderId provider, int status, String message, Duration retryAfter) {
        return byStatus(provider, status, status, message, retryAfter);
    }

    /**
     * The same, judged by one status and reporting another. An error event inside a stream arrived
     * under a 200 and has no status of its own: it is judged by the status its error type stands
     * for, and reported as 0, so no caller reads an HTTP status that never went over the wire.
     */
    public static ProviderFailure byStatus(ProviderId provider, int judged, int reported, String message,
            Duration retryAfter) {
        if (judged == 429) {
            return new ProviderFailure.RateLimited(provider, reported, message, retryAfter);
        }
        if (judged == 401 || judged == 403) {
            return new ProviderFailure.AuthRejected(provider, reported, message);
        }
        if (judged >= 500 || judged == 408) {
            return new ProviderFailure.ServerError(provider, reported, message);
        }
        return new ProviderFailure.RequestRejected(provider, reported, message);
    }
}
