package dev.switchboard.degraded;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.DegradedProfile;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.TwoCallersProfile;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * F19: when every route fails, a whole answer comes back anyway: the last known good answer to the
 * same request from the same caller, else the category's static message; an ordinary chat completion,
 * marked as degraded. What degraded mode leaves alone keeps its error.
 */
@QuarkusTest
@TestProfile(DegradedProfile.class)
class DegradedAnswersTest extends DegradedTestBase {

    private static final String SEARCH = StaticMessages.BUILT_IN.get("search");
    private static final String SUPPORT = StaticMessages.BUILT_IN.get("support");

    @Inject
    MeterRegistry registry;

    /** A successful answer to {@code chat("gpt-4o", FALLBACK)}, remembered; then every route fails. */
    void answeredOnceThenEveryRouteFails() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));
        post(chat("gpt-4o", FALLBACK)).statusCode(200).header("x-switchboard-route", "gpt-4o")
                .header("x-switchboard-degraded", nullValue());
        emulator.resetAll();
        everyRouteFails();
    }

    @Test
    void withNothingRememberedTheStaticMessageIsAnOrdinaryCompletionMarkedAsDegraded() {
        everyRouteFails();
        int requestsBilled = given().get("/admin/spend").then().extract().path("total.requests");

        post(chat("gpt-4o", FALLBACK)).statusCode(200)
                .contentType(ContentType.JSON)
                .header("x-switchboard-degraded", "true")
                .header("x-switchboard-degraded-source", "static")
                .header("x-switchboard-attempts", "4")
                .header("x-switchboard-cost-usd", "0")
                .header("x-switchboard-route", nullValue())
                .body("id", startsWith("chatcmpl-"))
                .body("object", equalTo("chat.completion"))
                .body("model", equalTo("gpt-4o"))
                .body("choices[0].index", equalTo(0))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("choices[0].message.content", equalTo(GENERAL))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.prompt_tokens", equalTo(0))
                .body("usage.completion_tokens", equalTo(0))
                .body("usage.total_tokens", equalTo(0))
                .body("system_fingerprint", equalTo("switchboard-degraded"));

        assertThat(calls(OPENAI_CHAT)).hasSize(2);
        assertThat(calls(COMPATIBLE_CHAT)).hasSize(2);
        given().get("/admin/spend").then().body("total.requests", equalTo(requestsBilled));
    }

    @Test
    void theLastKnownGoodAnswerToTheSameRequestComesBackMarkedAsFromTheCache() {
        answeredOnceThenEveryRouteFails();

        post(chat("gpt-4o", FALLBACK)).statusCode(200)
                .header("x-switchboard-degraded", "true")
                .header("x-switchboard-degraded-source", "cache")
                .header("x-switchboard-cost-usd", "0")
                .header("x-switchboard-route", nullValue())
                .body("model", equalTo("gpt-4o-2024-08-06"))
                .body("choices[0].message.content", equalTo(FIXTURE_ANSWER))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.total_tokens", equalTo(0))
                .body("system_fingerprint", equalTo("switchboard-degraded"));
    }

    @Test
    void anotherRequestDoesNotGetTheRememberedAnswer() {
        answeredOnceThenEveryRouteFails();

        post(chat("gpt-4o", FALLBACK).replace("Say hi", "Say bye")).statusCode(200)
                .header("x-switchboard-degraded-source", "static")
                .body("choices[0].message.content", equalTo(GENERAL));
    }

    @Test
    void aRememberedAnswerNeverReachesAnotherGatewayKey() {
        answeredOnceThenEveryRouteFails();

        given().header("Authorization", "Bearer " + TwoCallersProfile.SECOND_KEY).contentType(ContentType.JSON)
                .body(chat("gpt-4o", FALLBACK)).post("/v1/chat/completions").then().statusCode(200)
                .header("x-switchboard-degraded-source", "static")
                .body("choices[0].message.content", equalTo(GENERAL));
        post(chat("gpt-4o", FALLBACK)).statusCode(200)
                .header("x-switchboard-degraded-source", "cache")
                .body("choices[0].message.content", equalTo(FIXTURE_ANSWER));
    }

    @Test
    void degradedAnswersAndErrorsAreNeverRemembered() {
        everyRouteFails();
        post(chat("gpt-4o", FALLBACK), "x-switchboard-degraded", "off").statusCode(502);
        post(chat("gpt-4o", FALLBACK)).statusCode(200).header("x-switchboard-degraded-source", "static");

        post(chat("gpt-4o", FALLBACK)).statusCode(200).header("x-switchboard-degraded-source", "static");
    }

    @Test
    void anAnswerCutAtTheRequestsOutputLimitIsRememberedWithItsFinishReason() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06").withBody(
                Fixtures.text("openai/chat-completion.json").replace("\"stop\"", "\"length\"")));
        post(chat("gpt-4o", FALLBACK)).statusCode(200).body("choices[0].finish_reason", equalTo("length"));
        emulator.resetAll();
        everyRouteFails();

        post(chat("gpt-4o", FALLBACK)).statusCode(200)
                .header("x-switchboard-degraded-source", "cache")
                .body("choices[0].message.content", equalTo(FIXTURE_ANSWER))
                .body("choices[0].finish_reason", equalTo("length"));
    }

    @Test
    void theCategoryHeaderChoosesTheStaticMessage() {
        everyRouteFails();

        post(chat("gpt-4o", FALLBACK), "x-switchboard-category", "support").statusCode(200)
                .body("choices[0].message.content", equalTo(SUPPORT));
        post(chat("gpt-4o", FALLBACK), "x-switchboard-category", "billing").statusCode(200)
                .body("choices[0].message.content", equalTo(DegradedProfile.BILLING_MESSAGE));
    }

    @Test
    void aRoutesCategoryAppliesWhenTheHeaderNamesNone() {
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));

        post(chatOnly("gpt-4o-mini")).statusCode(200)
                .body("model", equalTo("gpt-4o-mini"))
                .body("choices[0].message.content", equalTo(SEARCH));
        post(chatOnly("gpt-4o-mini"), "x-switchboard-category", "support").statusCode(200)
                .body("choices[0].message.content", equalTo(SUPPORT));
    }

    @Test
    void anUnknownCategoryIsBadInputAndReachesNoProvider() {
        post(chat("gpt-4o", FALLBACK), "x-switchboard-category", "sales").statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo("x-switchboard-category"))
                .body("error.message", containsString("'sales'"))
                .body("error.message", containsString("billing, general, search, support"));

        assertThat(totalCalls()).isZero();
    }

    @Test
    void theCallerCanOptOutAndGetTheRoutingError() {
        answeredOnceThenEveryRouteFails();

        post(chat("gpt-4o", FALLBACK), "x-switchboard-degraded", "off").statusCode(502)
                .header("x-switchboard-degraded", nullValue())
                .body("error.code", equalTo("all_routes_failed"))
                .body("error.attempts[0].route", equalTo("gpt-4o"));
        post(chat("gpt-4o", FALLBACK), "x-switchboard-degraded", "on").statusCode(200)
                .header("x-switchboard-degraded-source", "cache");
    }

    @Test
    void anOptOutThatIsNeitherOnNorOffIsBadInput() {
        post(chat("gpt-4o", FALLBACK), "x-switchboard-degraded", "maybe").statusCode(400)
                .body("error.param", equalTo("x-switchboard-degraded"));

        assertThat(totalCalls()).isZero();
    }

    @Test
    void everyRouteRateLimitedGetsADegradedAnswerToo() {
        stub(OPENAI_CHAT, openAiError(429, "error-rate-limit.json").withHeader("Retry-After", "30"));

        post(chatOnly("gpt-4o")).statusCode(200)
                .header("x-switchboard-degraded-source", "static")
                .header("x-switchboard-attempts", "1");
    }

    @Test
    void aContentRefusalKeepsItsError() {
        answeredOnceThenEveryRouteFails();
        stub(OPENAI_CHAT, openAiError(400, "error-content-policy.json"));

        post(chat("gpt-4o", FALLBACK)).statusCode(400)
                .header("x-switchboard-degraded", nullValue())
                .body("error.code", equalTo("content_filter"));
    }

    @Test
    void noDegradedAnswerOnceTheDeadlineHasRunOut() {
        answeredOnceThenEveryRouteFails();
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o").withFixedDelay(3_000));

        post(chatOnly("gpt-4o"), "x-switchboard-deadline-ms", "300").statusCode(504)
                .header("x-switchboard-degraded", nullValue())
                .body("error.code", equalTo("deadline_exceeded"));
    }

    @Test
    void degradedAnswersAreCountedBySourceAndCategory() {
        double staticBefore = count("static", "support");
        double cacheBefore = count("cache", "general");
        answeredOnceThenEveryRouteFails();

        post(chat("gpt-4o", FALLBACK)).statusCode(200).header("x-switchboard-degraded-source", "cache");
        post(chat("gpt-4o", FALLBACK).replace("Say hi", "Say bye"), "x-switchboard-category", "support").statusCode(200);

        assertThat(count("cache", "general") - cacheBefore).isEqualTo(1.0);
        assertThat(count("static", "support") - staticBefore).isEqualTo(1.0);
    }

    private double count(String source, String category) {
        Counter counter = registry.find("switchboard.degraded").tags("source", source, "category", category).counter();
        return counter == null ? 0 : counter.count();
    }
}
