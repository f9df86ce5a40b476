package dev.switchboard.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * F6: a provider that accepts the request and never answers is abandoned at its timeout (1 s in
 * tests, 10 s by default), never asked again in that request, and the whole call stays inside one
 * deadline. Bounds here are generous behavioural limits, not performance measurements.
 */
@QuarkusTest
class SilentProviderTest extends GatewayTestBase {

    @Test
    void timesOutWithoutRetryingAndFailsOver() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o").withFixedDelay(8_000));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));

        long start = System.nanoTime();
        caller().body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "openai-compatible/llama-3.1-8b")
                .header("x-switchboard-attempts", "2");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(calls(OPENAI_CHAT)).as("the silent route is not retried").hasSize(1);
        assertThat(elapsedMs).as("abandoned at the 1 s timeout, far before the 8 s answer").isLessThan(6_000);
    }

    @Test
    void theCallersDeadlineBoundsTheWholeRequest() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o").withFixedDelay(8_000));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b").withFixedDelay(8_000));

        long start = System.nanoTime();
        caller().header("x-switchboard-deadline-ms", "1500")
                .body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(504)
                .body("error.code", equalTo("deadline_exceeded"))
                .body("error.attempts[0].outcome", equalTo("timeout"));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMs).isLessThan(6_000);
    }

    @Test
    void aMalformedDeadlineHeaderIsRejected() {
        caller().header("x-switchboard-deadline-ms", "soon").body(chat("gpt-4o")).post("/v1/chat/completions").then()
                .statusCode(400).body("error.param", equalTo("x-switchboard-deadline-ms"));
        assertThat(totalCalls()).isZero();
    }
}
