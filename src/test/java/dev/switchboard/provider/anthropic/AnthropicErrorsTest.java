package dev.switchboard.provider.anthropic;

import dev.switchboard.support.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.provider.ErrorBodies;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;

class AnthropicErrorsTest {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(17);

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("error-overloaded.json", 529, "overloaded_error", ProviderFailure.ServerError.class),
                arguments("error-rate-limit.json", 429, "rate_limit_error", ProviderFailure.RateLimited.class),
                arguments("error-invalid-request-prompt-too-long.json", 400, "invalid_request_error",
                        ProviderFailure.ContextTooLong.class),
                arguments("error-invalid-request-context-limit.json", 400, "invalid_request_error",
                        ProviderFailure.ContextTooLong.class),
                arguments("error-invalid-request.json", 400, "invalid_request_error",
                        ProviderFailure.RequestRejected.class),
                arguments("error-authentication.json", 401, "authentication_error",
                        ProviderFailure.AuthRejected.class),
                arguments("error-permission.json", 403, "permission_error", ProviderFailure.AuthRejected.class),
                arguments("error-billing.json", 402, "billing_error", ProviderFailure.AuthRejected.class),
                arguments("error-not-found.json", 404, "not_found_error", ProviderFailure.RequestRejected.class),
                arguments("error-request-too-large.json", 413, "request_too_large",
                        ProviderFailure.RequestRejected.class),
                arguments("error-api.json", 500, "api_error", ProviderFailure.ServerError.class));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("errors")
    void classifiesEachDocumentedError(String fixture, int status, String errorType,
            Class<? extends ProviderFailure> expected) {
        JsonNode body = Fixtures.json("anthropic/" + fixture);
        ProviderFailure failure = AnthropicErrors.classify(ProviderId.ANTHROPIC, status, body, RETRY_AFTER);
        assertInstanceOf(expected, failure);
        assertEquals(ProviderId.ANTHROPIC, failure.provider());
        assertEquals(status, failure.status());
        assertEquals(body.path("error").path("message").asText(), failure.getMessage());
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("errors")
    void fixturesHaveTheDocumentedErrorShape(String fixture, int status, String errorType) {
        AnthropicErrorResponse error = Fixtures.read("anthropic/" + fixture, AnthropicErrorResponse.class);
        assertEquals("error", error.type());
        assertEquals(errorType, error.error().type());
        assertEquals(Fixtures.json("anthropic/" + fixture), Fixtures.wire(error));
    }

    @Test
    void rateLimitKeepsTheProvidersRetryAfter() {
        ProviderFailure failure = AnthropicErrors.classify(ProviderId.ANTHROPIC, 429,
                Fixtures.json("anthropic/error-rate-limit.json"), RETRY_AFTER);
        assertEquals(Optional.of(RETRY_AFTER), ((ProviderFailure.RateLimited) failure).retryAfter());
    }

    @Test
    void rateLimitWithoutRetryAfterLeavesTheWaitToTheRouter() {
        ProviderFailure failure = AnthropicErrors.classify(ProviderId.ANTHROPIC, 429,
                Fixtures.json("anthropic/error-rate-limit.json"), null);
        assertEquals(Optional.empty(), ((ProviderFailure.RateLimited) failure).retryAfter());
    }

    static Stream<Arguments> unusualBodies() {
        return Stream.of(
                arguments("a proxy's HTML page on 502", 502, "<html><body>502 Bad Gateway</body></html>",
                        ProviderFailure.ServerError.class, "HTTP 502"),
                arguments("an empty 529", 529, "", ProviderFailure.ServerError.class, "HTTP 529"),
                arguments("overloaded_error under a status a proxy rewrote", 503,
                        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}",
                        ProviderFailure.ServerError.class, "Overloaded"),
                arguments("an empty 429 is still a rate limit", 429, "", ProviderFailure.RateLimited.class,
                        "HTTP 429"),
                arguments("a too-long prompt is only context overflow on 400", 413,
                        "{\"type\":\"error\",\"error\":{\"type\":\"request_too_large\","
                                + "\"message\":\"prompt is too long\"}}",
                        ProviderFailure.RequestRejected.class, "prompt is too long"),
                arguments("'context window' in a 400 message", 400,
                        "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                                + "\"message\":\"The request exceeds the model's Context Window.\"}}",
                        ProviderFailure.ContextTooLong.class, "The request exceeds the model's Context Window."),
                arguments("'context length' in a 400 message", 400,
                        "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                                + "\"message\":\"maximum context length exceeded\"}}",
                        ProviderFailure.ContextTooLong.class, "maximum context length exceeded"),
                arguments("an unknown 4xx", 409,
                        "{\"type\":\"error\",\"error\":{\"type\":\"conflict_error\",\"message\":\"Conflict\"}}",
                        ProviderFailure.RequestRejected.class, "Conflict"),
                arguments("an unknown 5xx", 504, "{\"message\":\"upstream timed out\"}",
                        ProviderFailure.ServerError.class, "upstream timed out"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusualBodies")
    void classifiesBodiesOffTheReference(String why, int status, String body,
            Class<? extends ProviderFailure> expected, String message) {
        ProviderFailure failure = AnthropicErrors.classify(ProviderId.ANTHROPIC, status, ErrorBodies.json(body), null);
        assertInstanceOf(expected, failure);
        assertEquals(status, failure.status());
        assertEquals(message, failure.getMessage());
    }

    @Test
    void readsRetryAfterFromTheResponseHeader() {
        Response response = Response.status(429).header("Retry-After", "30").build();
        ProviderFailure failure = AnthropicErrors.classify(ProviderId.ANTHROPIC, response);
        assertInstanceOf(ProviderFailure.RateLimited.class, failure);
        assertEquals(Optional.of(Duration.ofSeconds(30)), ((ProviderFailure.RateLimited) failure).retryAfter());
    }
}
