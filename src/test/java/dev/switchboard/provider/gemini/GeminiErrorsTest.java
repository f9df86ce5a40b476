package dev.switchboard.provider.gemini;

import dev.switchboard.support.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.provider.FailureKind;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;

class GeminiErrorsTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("error-resource-exhausted.json", 429, FailureKind.RATE_LIMITED),
                Arguments.of("error-api-key-invalid.json", 400, FailureKind.AUTH_REJECTED),
                Arguments.of("error-token-limit.json", 400, FailureKind.CONTEXT_TOO_LONG),
                Arguments.of("error-invalid-argument.json", 400, FailureKind.REQUEST_REJECTED),
                Arguments.of("error-permission-denied.json", 403, FailureKind.AUTH_REJECTED),
                Arguments.of("error-internal.json", 500, FailureKind.SERVER_ERROR),
                Arguments.of("error-unavailable.json", 503, FailureKind.SERVER_ERROR));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("fixtures")
    void classifiesTheReferenceErrors(String fixture, int status, FailureKind expected) {
        JsonNode body = Fixtures.json("gemini/" + fixture);
        ProviderFailure failure = GeminiErrors.classify(ProviderId.GEMINI, status, body, null);
        assertEquals(expected, failure.kind());
        assertEquals(status, failure.status());
        assertEquals(ProviderId.GEMINI, failure.provider());
        assertEquals(body.path("error").path("message").asText(), failure.getMessage());
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.",
                        FailureKind.AUTH_REJECTED),
                Arguments.of(404, "NOT_FOUND", "models/gemini-9 is not found for API version v1beta.",
                        FailureKind.REQUEST_REJECTED),
                Arguments.of(400, "FAILED_PRECONDITION", "User location is not supported for the API use.",
                        FailureKind.REQUEST_REJECTED),
                Arguments.of(504, "DEADLINE_EXCEEDED", "Deadline expired before operation could complete.",
                        FailureKind.SERVER_ERROR),
                Arguments.of(413, "INVALID_ARGUMENT",
                        "The input token count (2000000) exceeds the maximum number of tokens allowed (1048576).",
                        FailureKind.REQUEST_REJECTED));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("statuses")
    void classifiesByStatus(int status, String grpcStatus, String message, FailureKind expected) {
        assertEquals(expected, GeminiErrors.classify(ProviderId.GEMINI, status, error(status, grpcStatus, message),
                null).kind());
    }

    @Test
    void anApiKeyInvalidReasonIsAnAuthFailureWhateverTheMessage() {
        ObjectNode body = (ObjectNode) Fixtures.json("gemini/error-api-key-invalid.json");
        ((ObjectNode) body.path("error")).put("message", "Request contains an invalid argument.");
        assertEquals(FailureKind.AUTH_REJECTED, GeminiErrors.classify(ProviderId.GEMINI, 400, body, null).kind());
    }

    @Test
    void anApiKeyMessageIsAnAuthFailureWithoutDetails() {
        JsonNode body = error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.");
        assertEquals(FailureKind.AUTH_REJECTED, GeminiErrors.classify(ProviderId.GEMINI, 400, body, null).kind());
    }

    @Test
    void rateLimitWaitsForTheBodysRetryInfo() {
        ProviderFailure failure = GeminiErrors.classify(ProviderId.GEMINI, 429,
                Fixtures.json("gemini/error-resource-exhausted.json"), null);
        assertEquals(Optional.of(Duration.ofSeconds(37)),
                assertInstanceOf(ProviderFailure.RateLimited.class, failure).retryAfter());
    }

    @Test
    void theRetryAfterHeaderWinsOverRetryInfo() {
        ProviderFailure failure = GeminiErrors.classify(ProviderId.GEMINI, 429,
                Fixtures.json("gemini/error-resource-exhausted.json"), Duration.ofSeconds(5));
        assertEquals(Optional.of(Duration.ofSeconds(5)),
                assertInstanceOf(ProviderFailure.RateLimited.class, failure).retryAfter());
    }

    @Test
    void aRateLimitWithoutAnyHintHasNoRetryAfter() {
        ProviderFailure failure = GeminiErrors.classify(ProviderId.GEMINI, 429,
                error(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota)."), null);
        assertEquals(Optional.empty(), assertInstanceOf(ProviderFailure.RateLimited.class, failure).retryAfter());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} ms")
    @CsvSource({ "37s, 37000", "1.5s, 1500", "0.0001s, 1", "0s, 0", "37, -1", "soon, -1", "-2s, -1", "'', -1" })
    void readsRetryDelays(String retryDelay, long expectedMillis) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode()
                .put("@type", "type.googleapis.com/google.rpc.RetryInfo").put("retryDelay", retryDelay);
        Optional<Duration> expected = expectedMillis < 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis(expectedMillis));
        assertEquals(expected, GeminiErrors.retryDelay(JsonNodeFactory.instance.arrayNode().add(detail)));
    }

    @Test
    void ignoresARetryDelayOutsideRetryInfo() {
        ObjectNode detail = JsonNodeFactory.instance.objectNode()
                .put("@type", "type.googleapis.com/google.rpc.Help").put("retryDelay", "37s");
        assertEquals(Optional.empty(), GeminiErrors.retryDelay(JsonNodeFactory.instance.arrayNode().add(detail)));
    }

    @Test
    void readsAnErrorWrappedInAnArray() {
        JsonNode wrapped = JsonNodeFactory.instance.arrayNode().add(Fixtures.json("gemini/error-token-limit.json"));
        assertEquals(FailureKind.CONTEXT_TOO_LONG,
                GeminiErrors.classify(ProviderId.GEMINI, 400, wrapped, null).kind());
    }

    @Test
    void aBodyThatIsNotJsonFallsBackToTheStatus() {
        ProviderFailure failure = GeminiErrors.classify(ProviderId.GEMINI, 502, MissingNode.getInstance(), null);
        assertEquals(FailureKind.SERVER_ERROR, failure.kind());
        assertEquals("HTTP 502", failure.getMessage());
    }

    private static JsonNode error(int code, String status, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("code", code).put("message", message).put("status", status);
        return body;
    }
}
