package dev.switchboard.failure;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** F16: when a fallback answers, the response names the model that answered and carries its usage only. */
@QuarkusTest
class FallbackAnswerReportedTest extends GatewayTestBase {

    @Test
    void namesTheAnsweringModelAndItsUsage() {
        stub(OPENAI_CHAT, openAiError(503, "error-overloaded.json"));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b-instruct"));

        caller().body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(200)
                .header("x-switchboard-route", "openai-compatible/llama-3.1-8b")
                .header("x-switchboard-attempts", "3")
                .body("object", equalTo("chat.completion"))
                .body("model", equalTo("llama-3.1-8b-instruct"))
                .body("choices[0].message.content", equalTo("Hello! How can I assist you today?"))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.prompt_tokens", equalTo(19))
                .body("usage.completion_tokens", equalTo(10))
                .body("usage.total_tokens", equalTo(29));
    }
}
