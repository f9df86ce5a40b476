package dev.switchboard.failure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** F2: 429 without Retry-After, every time: one jittered backoff, then the next route; never hammering. */
@QuarkusTest
class RateLimitWithoutRetryAfterTest extends GatewayTestBase {

    @Test
    void backsOffOnceThenFailsOver() {
        stub(OPENAI_CHAT, openAiError(429, "error-rate-limit.json"));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));

        caller().body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "openai-compatible/llama-3.1-8b")
                .header("x-switchboard-attempts", "3");

        assertThat(calls(OPENAI_CHAT)).as("two tries on the limited route, no more").hasSize(2);
        assertThat(gapsMs(calls(OPENAI_CHAT))).as("jittered backoff of 50-100% of 1 s").allMatch(gap -> gap >= 500);
    }

    @Test
    void quotaExhaustionIsNotRetried() {
        stub(OPENAI_CHAT, openAiError(429, "error-insufficient-quota.json"));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));

        caller().body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-attempts", "2");

        assertThat(calls(OPENAI_CHAT)).hasSize(1);
    }
}
