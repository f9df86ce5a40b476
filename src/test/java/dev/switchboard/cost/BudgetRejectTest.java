package dev.switchboard.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Once a caller's daily budget is spent, its next request is refused with a 429 in the OpenAI format,
 * before any provider is called, with Retry-After to midnight UTC.
 */
@QuarkusTest
@TestProfile(BudgetRejectTest.TinyBudget.class)
class BudgetRejectTest extends GatewayTestBase {

    /** Less than one gpt-4o answer with the fixture's usage (0.0001475). */
    public static class TinyBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("switchboard.budgets.per-caller-daily-usd", "0.0001");
        }
    }

    @Inject
    Budgets budgets;

    @BeforeEach
    void forgetToday() {
        budgets.reset();
    }

    @Test
    void aSpentBudgetRefusesTheNextRequestWithoutCallingAProvider() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o"));
        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(200);
        assertThat(calls(OPENAI_CHAT)).hasSize(1);

        var refused = caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions");

        refused.then().statusCode(429)
                .body("error.code", equalTo("budget_exceeded"))
                .body("error.type", equalTo("insufficient_quota"))
                .body("error.message", containsString("switchboard.budgets.per-caller-daily-usd"))
                .body("error.message", containsString("resets at"))
                .body("error.message", containsString("0.0001 USD"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 86_400L);
        assertThat(refused.asString()).doesNotContain(ProviderEmulator.GATEWAY_KEY);
        assertThat(calls(OPENAI_CHAT)).hasSize(1);
    }

    @Test
    void aStreamOverBudgetIsRefusedTheSameWay() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o"));
        caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions").then().statusCode(200);

        caller().body(chatOnly("gpt-4o").replace("\"model\"", "\"stream\":true,\"model\"")).post("/v1/chat/completions")
                .then().statusCode(429).body("error.code", equalTo("budget_exceeded"));

        assertThat(calls(OPENAI_CHAT)).hasSize(1);
    }
}
