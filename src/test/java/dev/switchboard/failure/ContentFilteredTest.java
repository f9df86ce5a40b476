package dev.switchboard.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** F13: a content-policy refusal is never retried nor routed around; the caller gets the provider's reason. */
@QuarkusTest
class ContentFilteredTest extends GatewayTestBase {

    @Test
    void returnsTheProvidersReasonWithoutTryingElsewhere() {
        stub(OPENAI_CHAT, openAiError(400, "error-content-policy.json"));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));

        caller().body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(400)
                .body("error.code", equalTo("content_filter"))
                .body("error.message", containsString("rejected as a result of our safety system"));

        assertThat(calls(OPENAI_CHAT)).hasSize(1);
        assertThat(calls(COMPATIBLE_CHAT)).isEmpty();
    }
}
