package dev.switchboard.provider.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import dev.switchboard.provider.ErrorBodies;
import dev.switchboard.provider.ProviderFailure;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.support.Fixtures;

/** Azure's errors are OpenAI's, and its own mark of a safety refusal is a refusal whatever the outer code. */
class AzureOpenAiErrorsTest {

    private static final ProviderId AZURE = new ProviderId("azure-eu", ProviderType.AZURE_OPENAI);

    private static ProviderFailure classify(int status, String fixture, String... headers) {
        Response.ResponseBuilder response = Response.status(status).entity(Fixtures.text("azure/" + fixture));
        for (int i = 0; i < headers.length; i += 2) {
            response.header(headers[i], headers[i + 1]);
        }
        return AzureOpenAiErrors.classify(AZURE, response.build());
    }

    @Test
    void theContentFiltersRefusalIsContentFiltered() {
        ProviderFailure failure = classify(400, "error-content-filter.json");

        assertThat(failure).isInstanceOf(ProviderFailure.ContentFiltered.class);
        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.getMessage()).startsWith("The response was filtered due to the prompt triggering Azure OpenAI's");
    }

    @Test
    void thePolicyViolationMarkAloneIsARefusal() {
        String body = "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Blocked by the content policy.\","
                + "\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\"}}}";

        assertThat(AzureOpenAiErrors.classify(AZURE, 400, ErrorBodies.json(body), null))
                .isInstanceOf(ProviderFailure.ContentFiltered.class).hasMessage("Blocked by the content policy.");
    }

    @Test
    void retryAfterMsIsHonouredBeforeRetryAfter() {
        ProviderFailure failure = classify(429, "error-rate-limit.json", "retry-after", "2", "retry-after-ms", "1250");

        assertThat(failure).isInstanceOfSatisfying(ProviderFailure.RateLimited.class,
                limited -> assertThat(limited.retryAfter()).contains(Duration.ofMillis(1250)));
    }

    @Test
    void retryAfterAloneIsHonouredToo() {
        assertThat(classify(429, "error-rate-limit.json", "retry-after", "7")).isInstanceOfSatisfying(
                ProviderFailure.RateLimited.class, limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7)));
    }

    @Test
    void aRejectedKeyIsAuthRejected() {
        assertThat(classify(401, "error-unauthorized.json")).isInstanceOf(ProviderFailure.AuthRejected.class)
                .hasMessageStartingWith("Access denied due to invalid subscription key");
        assertThat(classify(403, "error-unauthorized.json")).isInstanceOf(ProviderFailure.AuthRejected.class);
    }

    @Test
    void aContextOverflowIsContextTooLong() {
        assertThat(classify(400, "error-context-length.json")).isInstanceOf(ProviderFailure.ContextTooLong.class);
    }

    @Test
    void aServerErrorIsTransient() {
        assertThat(classify(500, "error-server.json")).isInstanceOf(ProviderFailure.ServerError.class);
    }
}
