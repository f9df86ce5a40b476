package dev.switchboard.failure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** F1: 429 with Retry-After is honoured: fail over at once, remember the cooldown, or wait it out on the last route. */
@QuarkusTest
class RateLimitWithRetryAfterTest extends GatewayTestBase {

    private static final String FALLBACK = "openai-compatible/llama-3.1-8b";

    @Test
    void failsOverAtOnceAndSkipsTheRouteWhileItCoolsDown() {
        stub(OPENAI_CHAT, openAiError(429, "error-rate-limit.json").withHeader("Retry-After", "30"));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));

        caller().body(chat("gpt-4o", FALLBACK)).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", FALLBACK).header("x-switchboard-attempts", "2");
        caller().body(chat("gpt-4o", FALLBACK)).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", FALLBACK).header("x-switchboard-attempts", "1");

        assertThat(calls(OPENAI_CHAT)).as("the cooling route is not called again").hasSize(1);
        assertThat(calls(COMPATIBLE_CHAT)).hasSize(2);
    }

    @Test
    void waitsOutAShortRetryAfterOnTheLastRoute() {
        stubOnceThenAnswer("1");

        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "gpt-4o").header("x-switchboard-attempts", "2");

        assertThat(gapsMs(calls(OPENAI_CHAT))).as("never sooner than Retry-After").allMatch(gap -> gap >= 1000);
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        // HTTP dates have whole seconds, so "in three seconds" means more than two from now.
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
        stubOnceThenAnswer(inThreeSeconds);

        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then()
                .statusCode(200);

        assertThat(gapsMs(calls(OPENAI_CHAT))).hasSize(1).allMatch(gap -> gap >= 900);
    }

    @Test
    void aRetryAfterDateAlreadyPastIsRetriedAtOnce() {
        String aMinuteAgo = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        stubOnceThenAnswer(aMinuteAgo);

        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then()
                .statusCode(200);

        assertThat(calls(OPENAI_CHAT)).hasSize(2);
    }

    @Test
    void aRetryAfterLongerThanTheGatewayWaitsIsReturnedToTheCaller() {
        stub(OPENAI_CHAT, openAiError(429, "error-rate-limit.json").withHeader("Retry-After", "30"));

        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then()
                .statusCode(429)
                .header("Retry-After", equalTo("30"))
                .body("error.code", equalTo("rate_limit_exceeded"))
                .body("error.attempts[0].status", equalTo(429))
                .body("error.message", startsWith("Every route is rate limited"));

        assertThat(calls(OPENAI_CHAT)).hasSize(1);
    }

    private void stubOnceThenAnswer(String retryAfter) {
        stub(post(urlPathEqualTo(OPENAI_CHAT)).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", retryAfter).withBody(Fixtures.text("openai/error-rate-limit.json")))
                .willSetStateTo("recovered"));
        stub(post(urlPathEqualTo(OPENAI_CHAT)).inScenario("limited").whenScenarioStateIs("recovered")
                .willReturn(openAiAnswer("gpt-4o-2024-08-06")));
    }
}
