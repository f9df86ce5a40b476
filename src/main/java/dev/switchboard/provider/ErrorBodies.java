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
        String millis = response.getHeaderString("retry-after-ms");
        if (millis != null) {
            try {
                return Optional.of(Duration.ofMillis((long) Math.ceil(Double.parseDouble(millis.trim()))));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        return RetryAfter.parse(response.getHeaderString("Retry-After"), Instant.now());
    }

    /** The status-only part of classification, shared by every provider. */
    public static ProviderFailure byStatus(ProviderId provider, int status, String message, Duration retryAfter) {
        if (status == 429) {
            return new ProviderFailure.RateLimited(provider, status, message, retryAfter);
        }
        if (status == 401 || status == 403) {
            return new ProviderFailure.AuthRejected(provider, status, message);
        }
        if (status >= 500 || status == 408) {
            return new ProviderFailure.ServerError(provider, status, message);
        }
        return new ProviderFailure.RequestRejected(provider, status, message);
    }
}
