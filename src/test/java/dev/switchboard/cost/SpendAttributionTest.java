package dev.switchboard.cost;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import dev.switchboard.security.Callers;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.LogCapture;
import dev.switchboard.support.ProviderEmulator;
import dev.switchboard.support.TwoCallersProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Spend is attributed to each caller by a non-secret id, per route and per tier, in {@code /admin/spend}
 * and the {@code switchboard.spend.usd} counter; no gateway key ever appears there or in the logs. The
 * savings report compares real usage with always using the strongest route.
 */
@QuarkusTest
@TestProfile(TwoCallersProfile.class)
class SpendAttributionTest extends GatewayTestBase {

    private static final String FIRST = ProviderEmulator.GATEWAY_KEY;
    private static final String SECOND = TwoCallersProfile.SECOND_KEY;

    @Inject
    SpendLedger ledger;

    @BeforeEach
    void forgetSpend() {
        ledger.reset();
    }

    private static io.restassured.response.Response ask(String key, String body) {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON).body(body)
                .post("/v1/chat/completions");
    }

    private static String auto(String tag) {
        return chat("auto").replace("Say hi", tag + " Say hi");
    }

    private void everyRouteAnswers() {
        stub(WireMock.post(WireMock.urlPathEqualTo(OPENAI_CHAT)).withRequestBody(WireMock.containing("\"model\":\"gpt-4o\""))
                .willReturn(openAiAnswer("gpt-4o")));
        stub(WireMock.post(WireMock.urlPathEqualTo(OPENAI_CHAT)).withRequestBody(WireMock.containing("\"model\":\"gpt-4o-mini\""))
                .willReturn(openAiAnswer("gpt-4o-mini")));
        // usage: 2095 input, 503 output
        stub(ANTHROPIC_MESSAGES, WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/messages-response.json")));
    }

    @Test
    void eachCallerIsBilledForItsOwnRequestsUnderANonSecretId() {
        everyRouteAnswers();
        LogCapture logs = new LogCapture();
        logs.start();
        try {
            assertThat(ask(FIRST, chatOnly("gpt-4o")).statusCode()).isEqualTo(200);
            assertThat(ask(SECOND, chatOnly("gpt-4o")).statusCode()).isEqualTo(200);
            assertThat(ask(SECOND, chatOnly("gpt-4o-mini")).statusCode()).isEqualTo(200);
        } finally {
            logs.stop();
        }

        String first = Callers.idOf(FIRST);
        String second = Callers.idOf(SECOND);
        var spend = given().get("/admin/spend");
        spend.then().statusCode(200)
                .body("currency", equalTo("USD"))
                .body("total.requests", equalTo(3))
                .body("total.calls", equalTo(3))
                .body("total.usd", equalTo("0.00030385"))
                .body("callers.find { it.caller == '" + first + "' }.requests", equalTo(1))
                .body("callers.find { it.caller == '" + first + "' }.usd", equalTo("0.0001475"))
                .body("callers.find { it.caller == '" + second + "' }.requests", equalTo(2))
                .body("callers.find { it.caller == '" + second + "' }.usd", equalTo("0.00015635"))
                .body("routes.find { it.route == 'gpt-4o' }.calls", equalTo(2))
                .body("routes.find { it.route == 'gpt-4o' }.input_tokens", equalTo(38))
                .body("routes.find { it.route == 'gpt-4o' }.usd", equalTo("0.000295"))
                .body("routes.find { it.route == 'gpt-4o-mini' }.usd", equalTo("0.00000885"))
                // Named routes are not auto requests: no tier rows.
                .body("tiers.size()", equalTo(0));

        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics).contains("switchboard_spend_usd_total{").contains("caller=\"" + first + "\"")
                .contains("caller=\"" + second + "\"");
        for (String key : new String[] { FIRST, SECOND }) {
            assertThat(spend.asString()).doesNotContain(key);
            assertThat(metrics).doesNotContain(key);
            assertThat(logs.text()).doesNotContain(key);
        }
    }

    @Test
    void failedAttemptsAreNotInTheSpend() {
        stub(WireMock.post(WireMock.urlPathEqualTo(OPENAI_CHAT)).withRequestBody(WireMock.containing("\"model\":\"gpt-4o\""))
                .willReturn(openAiError(500, "error-server.json")));
        stub(WireMock.post(WireMock.urlPathEqualTo(OPENAI_CHAT)).withRequestBody(WireMock.containing("\"model\":\"gpt-4o-mini\""))
                .willReturn(openAiAnswer("gpt-4o-mini")));

        assertThat(ask(FIRST, chat("gpt-4o", "gpt-4o-mini")).header("x-switchboard-route")).isEqualTo("gpt-4o-mini");

        given().get("/admin/spend").then().statusCode(200)
                .body("total.requests", equalTo(1))
                .body("total.calls", equalTo(1))
                .body("total.usd", equalTo("0.00000885"))
                .body("routes.size()", equalTo(1))
                .body("routes[0].route", equalTo("gpt-4o-mini"));
    }

    /**
     * The seed's kind of mix: three simple questions, one moderate, two complex. Always using the
     * strongest route (claude-sonnet, $3/$15) would have cost 0.028488; routing by tier cost 0.02783405.
     */
    @Test
    void savingsCompareRealUsageWithAlwaysUsingTheStrongestRoute() {
        everyRouteAnswers();
        for (String tag : new String[] { "[simple]", "[simple]", "[simple]", "[moderate]", "[complex]", "[complex]" }) {
            assertThat(ask(FIRST, auto(tag)).statusCode()).isEqualTo(200);
        }

        given().get("/admin/savings").then().statusCode(200)
                .body("baseline_route", equalTo("claude-sonnet"))
                .body("requests", equalTo(6))
                .body("actual_usd", equalTo("0.02783405"))
                .body("baseline_usd", equalTo("0.028488"))
                .body("saved_usd", equalTo("0.00065395"))
                .body("savings_percent", equalTo(2.30f))
                .body("tiers.find { it.tier == 'simple' }.requests", equalTo(3))
                .body("tiers.find { it.tier == 'simple' }.actual_usd", equalTo("0.00002655"))
                .body("tiers.find { it.tier == 'simple' }.baseline_usd", equalTo("0.000621"))
                .body("tiers.find { it.tier == 'simple' }.savings_percent", equalTo(95.72f))
                .body("tiers.find { it.tier == 'moderate' }.saved_usd", equalTo("0.0000595"))
                .body("tiers.find { it.tier == 'moderate' }.savings_percent", equalTo(28.74f))
                .body("tiers.find { it.tier == 'complex' }.requests", equalTo(2))
                .body("tiers.find { it.tier == 'complex' }.saved_usd", equalTo("0"))
                .body("tiers.find { it.tier == 'complex' }.savings_percent", equalTo(0.0f));

        given().get("/admin/spend").then()
                .body("tiers.find { it.tier == 'simple' }.requests", equalTo(3))
                .body("tiers.find { it.tier == 'complex' }.usd", equalTo("0.02766"));
    }

    @Test
    void nothingSpentMeansNoSavingsPercentage() {
        given().get("/admin/savings").then().statusCode(200)
                .body("actual_usd", equalTo("0"))
                .body("savings_percent", nullValue());
    }
}
