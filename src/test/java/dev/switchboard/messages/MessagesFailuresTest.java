package dev.switchboard.messages;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Misbehaving providers seen through {@code /v1/messages}: the same failover and verdicts as chat
 * (failure-semantics.md), each reported in Anthropic's error format with the attempts and the
 * headers chat gives.
 */
@QuarkusTest
// The deadline test leaves its slow provider calls running after it: it goes last, so no other test sees them end.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagesFailuresTest extends GatewayTestBase {

    private static final String ASK = "{\"model\":\"claude-sonnet\",\"max_tokens\":100,\"fallbacks\":[\"gpt-4o\"],"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @Test
    void everyRouteRateLimitedIsA429RateLimitErrorWithRetryAfter() {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withHeader("retry-after", "7").withBody(Fixtures.text("anthropic/error-rate-limit.json")));
        stub(OPENAI_CHAT, openAiError(429, "error-rate-limit.json").withHeader("Retry-After", "9"));

        caller().body(ASK).post("/v1/messages").then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", equalTo("error"))
                .body("error.type", equalTo("rate_limit_error"))
                .body("error.code", equalTo("rate_limit_exceeded"))
                .body("error.attempts", hasSize(2))
                .body("error.attempts[0].route", equalTo("claude-sonnet"))
                .body("error.attempts[1].route", equalTo("gpt-4o"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aSpentDeadlineIsA504TimeoutError() {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(200).withFixedDelay(3000)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("anthropic/messages-response.json")));
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o").withFixedDelay(3000));

        caller().header("x-switchboard-deadline-ms", "400").body(ASK).post("/v1/messages").then()
                .statusCode(504)
                .body("type", equalTo("error"))
                .body("error.type", equalTo("timeout_error"))
                .body("error.code", equalTo("deadline_exceeded"));
    }

    @Test
    void aContextOverflowMovesOnlyToLargerWindowsAndIsReportedAsTheProviderSaidIt() {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/error-invalid-request-prompt-too-long.json")));
        stub(OPENAI_CHAT, openAiError(400, "error-context-length.json"));

        var response = caller().body(ASK).post("/v1/messages").then()
                .statusCode(400)
                .body("type", equalTo("error"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("context_length_exceeded"))
                .body("error.message", containsString("prompt is too long"))
                .extract();
        assertThat(response.header("x-switchboard-attempts")).isEqualTo("1");
        assertThat(calls(OPENAI_CHAT)).as("gpt-4o's window is smaller than claude-sonnet's").isEmpty();
    }
}
