package dev.switchboard.cost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.TaggedClassifier;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code on-exceeded=downgrade}, once the global budget is spent an auto request goes to the
 * cheapest tier's route whatever its complexity, and says so; a request naming a route is served as asked.
 */
@QuarkusTest
@TestProfile(BudgetDowngradeTest.Downgrading.class)
class BudgetDowngradeTest extends GatewayTestBase {

    public static class Downgrading implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.budgets.global-daily-usd", "0.001",
                    "switchboard.budgets.on-exceeded", "downgrade");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TaggedClassifier.class);
        }
    }

    @Inject
    Budgets budgets;

    @BeforeEach
    void forgetToday() {
        budgets.reset();
    }

    private void everyRouteAnswers() {
        stub(post(urlPathEqualTo(OPENAI_CHAT)).withRequestBody(containing("\"model\":\"gpt-4o\""))
                .willReturn(openAiAnswer("gpt-4o")));
        stub(post(urlPathEqualTo(OPENAI_CHAT)).withRequestBody(containing("\"model\":\"gpt-4o-mini\""))
                .willReturn(openAiAnswer("gpt-4o-mini")));
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/messages-response.json")));
    }

    private static String auto(String tag) {
        return chat("auto").replace("Say hi", tag + " Say hi");
    }

    @Test
    void aSpentBudgetSendsAutoRequestsToTheCheapestTier() {
        everyRouteAnswers();
        // 2095 input and 503 output tokens on claude-sonnet: 0.01383, well over the day's 0.001.
        var first = caller().body(auto("[complex]")).post("/v1/chat/completions");
        assertThat(first.header("x-switchboard-route")).isEqualTo("claude-sonnet");
        assertThat(first.header("x-switchboard-budget")).isNull();

        var second = caller().body(auto("[complex]")).post("/v1/chat/completions");

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.header("x-switchboard-route")).isEqualTo("gpt-4o-mini");
        assertThat(second.header("x-switchboard-budget")).isEqualTo("downgraded");
        assertThat(second.header("x-switchboard-complexity")).isEqualTo("complex");
        assertThat(second.header("x-switchboard-cost-usd")).isEqualTo("0.00000885");
        assertThat(calls(ANTHROPIC_MESSAGES)).hasSize(1);
    }

    @Test
    void aRequestNamingARouteIsServedAsAskedByDefault() {
        everyRouteAnswers();
        caller().body(auto("[complex]")).post("/v1/chat/completions").then().statusCode(200);

        var named = caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions");

        assertThat(named.header("x-switchboard-route")).isEqualTo("gpt-4o");
        assertThat(named.header("x-switchboard-budget")).isNull();
    }

    @Test
    void underBudgetNothingIsDowngraded() {
        everyRouteAnswers();

        var moderate = caller().body(auto("[moderate]")).post("/v1/chat/completions");

        assertThat(moderate.header("x-switchboard-route")).isEqualTo("gpt-4o");
        assertThat(moderate.header("x-switchboard-budget")).isNull();
    }
}
