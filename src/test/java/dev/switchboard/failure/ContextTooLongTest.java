package dev.switchboard.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** F12: context overflow is never retried on the same model; only routes with a larger window are tried. */
@QuarkusTest
class ContextTooLongTest extends GatewayTestBase {

    @Test
    void skipsRoutesNoLargerAndMovesToALargerOne() {
        stub(OPENAI_CHAT, openAiError(400, "error-context-length.json"));
        stub(COMPATIBLE_CHAT, openAiAnswer("long-context-model"));

        // gpt-4o-mini has gpt-4o's 128k window, so it is passed over; the ad-hoc route's window is unknown.
        caller().body(chat("gpt-4o", "gpt-4o-mini", "openai-compatible/long-context-model"))
                .post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "openai-compatible/long-context-model")
                .header("x-switchboard-attempts", "2");

        assertThat(calls(OPENAI_CHAT)).as("gpt-4o once, gpt-4o-mini never").hasSize(1);
    }

    @Test
    void failsCleanlyWithTheProvidersMessageWhenNoRouteIsLarger() {
        stub(OPENAI_CHAT, openAiError(400, "error-context-length.json"));

        caller().body(chat("gpt-4o", "gpt-4o-mini")).post("/v1/chat/completions").then()
                .statusCode(400)
                .body("error.code", equalTo("context_length_exceeded"))
                .body("error.message", containsString("maximum context length is 128000 tokens"));

        assertThat(calls(OPENAI_CHAT)).hasSize(1);
    }

    @Test
    void recognisesAnOpenAiCompatibleServersWording() {
        stub(COMPATIBLE_CHAT, openAiError(400, "error-vllm-context.json"));

        caller().body(chatOnly("openai-compatible/small")).post("/v1/chat/completions").then()
                .statusCode(400).body("error.code", equalTo("context_length_exceeded"));

        assertThat(calls(COMPATIBLE_CHAT)).hasSize(1);
    }
}
