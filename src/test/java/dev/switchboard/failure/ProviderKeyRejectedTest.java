package dev.switchboard.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.LogCapture;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.junit.QuarkusTest;

/** F17: 401/403 are not retried; the provider is marked unavailable, traffic fails over, and no key is logged. */
@QuarkusTest
class ProviderKeyRejectedTest extends GatewayTestBase {

    private final LogCapture logs = new LogCapture();

    @BeforeEach
    void captureLogs() {
        logs.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    @Test
    void marksTheProviderUnavailableAndFailsOver() {
        stub(OPENAI_CHAT, openAiError(401, "error-invalid-api-key.json"));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));

        for (int i = 0; i < 3; i++) {
            caller().body(chat("gpt-4o", "gpt-4o-mini", "openai-compatible/llama-3.1-8b"))
                    .post("/v1/chat/completions").then()
                    .statusCode(200).header("x-switchboard-route", "openai-compatible/llama-3.1-8b");
        }

        assertThat(calls(OPENAI_CHAT)).as("one call ever: no retry, then the provider is skipped").hasSize(1);
        assertThat(logs.text()).contains("auth_rejected 401").doesNotContain(ProviderEmulator.OPENAI_KEY);
    }

    @Test
    void theErrorShownToTheCallerHoldsNoKey() {
        stub(OPENAI_CHAT, openAiError(403, "error-invalid-api-key.json"));
        stub(COMPATIBLE_CHAT, openAiError(401, "error-invalid-api-key.json"));

        caller().body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(502)
                .body(not(containsString(ProviderEmulator.OPENAI_KEY)))
                .body(not(containsString(ProviderEmulator.COMPATIBLE_KEY)))
                .body(not(containsString(ProviderEmulator.GATEWAY_KEY)));
        assertThat(logs.text()).doesNotContain(ProviderEmulator.OPENAI_KEY).doesNotContain(ProviderEmulator.COMPATIBLE_KEY);
    }
}
