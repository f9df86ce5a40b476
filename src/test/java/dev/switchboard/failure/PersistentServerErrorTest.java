package dev.switchboard.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** F4: 5xx every time: fail over within the retry budget; with nowhere left, surface the real upstream errors. */
@QuarkusTest
class PersistentServerErrorTest extends GatewayTestBase {

    @Test
    void failsOverToAHealthyRoute() {
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));

        caller().body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "openai-compatible/llama-3.1-8b")
                .header("x-switchboard-attempts", "3");

        assertThat(calls(OPENAI_CHAT)).hasSize(2);
    }

    @Test
    void surfacesEveryUpstreamErrorWhenNothingIsLeft() {
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));
        stub(COMPATIBLE_CHAT, openAiError(503, "error-overloaded.json"));

        caller().body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(502)
                .header("x-switchboard-attempts", "4")
                .body("error.type", equalTo("upstream_error"))
                .body("error.code", equalTo("all_routes_failed"))
                .body("error.message", containsString("The server had an error while processing your request"))
                .body("error.message", containsString("The engine is currently overloaded"))
                .body("error.attempts", hasSize(4))
                .body("error.attempts[0].route", equalTo("gpt-4o"))
                .body("error.attempts[0].status", equalTo(500))
                .body("error.attempts[3].route", equalTo("openai-compatible/llama-3.1-8b"))
                .body("error.attempts[3].status", equalTo(503))
                .body("error.attempts[3].outcome", equalTo("server_error"));

        assertThat(calls(OPENAI_CHAT)).hasSize(2);
        assertThat(calls(COMPATIBLE_CHAT)).hasSize(2);
    }
}
