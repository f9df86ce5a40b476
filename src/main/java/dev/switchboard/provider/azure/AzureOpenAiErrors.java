package dev.switchboard.provider.azure;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.provider.ErrorBodies;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.openai.OpenAiErrors;

/**
 * Classifies an Azure OpenAI error response. Azure sends OpenAI's {@code {"error":{message,code,...}}},
 * so {@link OpenAiErrors} judges it: its content filter's 400 with {@code code: "content_filter"}, a
 * context overflow's {@code context_length_exceeded}, 401/403 and 429 by status, and the wait from
 * {@code retry-after-ms} before {@code retry-after} (both of which Azure sends; the first is exact).
 * What Azure adds is its own mark of a safety refusal, {@code innererror.code:
 * "ResponsibleAIPolicyViolation"} (with {@code content_filter_result} naming the category): a refusal
 * whatever the outer code says, so it is never retried nor routed around (F13).
 */
public final class AzureOpenAiErrors {

    static final String POLICY_VIOLATION = "ResponsibleAIPolicyViolation";

    private AzureOpenAiErrors() {
    }

    public static ProviderFailure classify(ProviderId provider, Response response) {
        JsonNode body = ErrorBodies.json(ErrorBodies.body(response));
        return classify(provider, response.getStatus(), body, ErrorBodies.retryAfter(response).orElse(null));
    }

    static ProviderFailure classify(ProviderId provider, int status, JsonNode body, Duration retryAfter) {
        JsonNode error = body.path("error");
        if (POLICY_VIOLATION.equals(error.path("innererror").path("code").asText(""))) {
            String message = ErrorBodies.firstText("HTTP " + status, error.path("message"), error);
            return new ProviderFailure.ContentFiltered(provider, status, message);
        }
        return OpenAiErrors.classify(provider, status, body, retryAfter);
    }
}
