package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.ws.rs.core.Response;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.switchboard.provider.anthropic.AnthropicErrors;
import dev.switchboard.provider.gemini.GeminiErrors;
import dev.switchboard.provider.openai.OpenAiErrors;

/**
 * Fuzzes how each provider's error responses are judged: the first byte picks the provider (OpenAI,
 * Anthropic, Gemini), the next the status (400 to 599), and the rest holds the {@code Retry-After}
 * and {@code retry-after-ms} header values and the body, a line each. Whatever a provider or a proxy
 * in front of it sends, the answer is a typed {@link ProviderFailure} (never an exception), and a wait
 * it asks for is one the gateway can keep: not negative, and at most {@link RetryAfter#LONGEST}. The same body as an error event inside a stream must be judged the same way. Seeds:
 * the providers' documented errors, in
 * {@code src/test/resources/dev/switchboard/provider/ProviderErrorsFuzzTestInputs/}.
 */
class ProviderErrorsFuzzTest {

    @FuzzTest
    @DictionaryEntries({"\"error\"", "\"message\"", "\"type\"", "\"code\"", "\"status\"", "\"details\"", "\"@type\"",
            "\"retryDelay\"", "type.googleapis.com/google.rpc.RetryInfo", "type.googleapis.com/google.rpc.ErrorInfo",
            "\"reason\"", "API_KEY_INVALID", "overloaded_error", "rate_limit_error", "context_length_exceeded",
            "insufficient_quota", "RESOURCE_EXHAUSTED", "1e300", "-1", "NaN", "Infinity", "Wed, 21 Oct 2015 07:28:00 GMT"})
    void anErrorIsAlwaysATypedFailureWithAWaitThatCanBeKept(byte[] data) {
        if (data.length < 2) {
            return;
        }
        int status = 400 + Math.floorMod(data[1], 200);
        String[] lines = new String(data, 2, data.length - 2, StandardCharsets.UTF_8).split("\n", 3);
        String retryAfter = lines[0];
        String retryAfterMs = lines.length > 1 ? lines[1] : "";
        String body = lines.length > 2 ? lines[2] : "";
        Response.ResponseBuilder builder = Response.status(status).entity(body);
        if (!retryAfter.isEmpty()) {
            builder.header("Retry-After", retryAfter);
        }
        if (!retryAfterMs.isEmpty()) {
            builder.header("retry-after-ms", retryAfterMs);
        }
        Response response = builder.build();
        ProviderId provider;
        ProviderFailure failure;
        ProviderFailure inStream;
        switch (Math.floorMod(data[0], 3)) {
            case 0 -> {
                provider = ProviderId.OPENAI;
                failure = OpenAiErrors.classify(provider, response);
                inStream = OpenAiErrors.inStream(provider, ErrorBodies.json(body));
            }
            case 1 -> {
                provider = ProviderId.ANTHROPIC;
                failure = AnthropicErrors.classify(provider, response);
                inStream = AnthropicErrors.inStream(provider, ErrorBodies.json(body));
            }
            default -> {
                provider = ProviderId.GEMINI;
                failure = GeminiErrors.classify(provider, response);
                inStream = GeminiErrors.inStream(provider, ErrorBodies.json(body));
            }
        }
        for (ProviderFailure judged : new ProviderFailure[] {failure, inStream}) {
            assertThat(judged).isNotNull();
            assertThat(judged.provider()).isEqualTo(provider);
            assertThat(judged.kind()).isNotNull();
            assertThat(judged.getMessage()).isNotNull();
            if (judged instanceof ProviderFailure.RateLimited limited && limited.retryAfter().isPresent()) {
                Duration wait = limited.retryAfter().get();
                assertThat(wait.isNegative()).as("a negative wait: %s", wait).isFalse();
                assertThat(wait).isLessThanOrEqualTo(RetryAfter.LONGEST);
            }
        }
        assertThat(failure.status()).isEqualTo(status);
        assertThat(inStream.status()).isZero();
    }
}
