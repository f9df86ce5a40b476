package dev.switchboard.auto;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.TaggedClassifier;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code model: "auto"}: the conversation's tier picks the cheapest route of that tier (the seed's
 * mapping: simple to gpt-4o-mini, moderate to gpt-4o, complex to claude-sonnet), and a failure there
 * never moves the request to a dearer tier.
 */
@QuarkusTest
@TestProfile(AutoRoutingTest.Tagged.class)
class AutoRoutingTest extends GatewayTestBase {

    public static class Tagged implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TaggedClassifier.class);
        }
    }

    static String auto(String tag, String... fallbacks) {
        return chat("auto", fallbacks).replace("Say hi", tag + " Say hi");
    }

    private void claudeAnswers() {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/messages-response.json")));
    }

    @Test
    void aSimpleConversationGoesToTheCheapestSimpleRoute() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-mini"));

        caller().body(auto("[simple]")).post("/v1/chat/completions").then().statusCode(200)
                .header("x-switchboard-route", "gpt-4o-mini")
                .header("x-switchboard-complexity", "simple");

        assertThat(calls(OPENAI_CHAT)).singleElement()
                .satisfies(call -> assertThat(call.getBodyAsString()).contains("\"model\":\"gpt-4o-mini\""));
    }

    @Test
    void aModerateConversationGoesToTheModerateRoute() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o"));

        caller().body(auto("[moderate]")).post("/v1/chat/completions").then().statusCode(200)
                .header("x-switchboard-route", "gpt-4o")
                .header("x-switchboard-complexity", "moderate");
    }

    @Test
    void aComplexConversationGoesToTheComplexRoute() {
        claudeAnswers();

        caller().body(auto("[complex]")).post("/v1/chat/completions").then().statusCode(200)
                .header("x-switchboard-route", "claude-sonnet")
                .header("x-switchboard-complexity", "complex");
    }

    @Test
    void aFailingSimpleRouteNeverFallsBackToADearerTier() {
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));
        claudeAnswers();

        caller().body(auto("[simple]")).post("/v1/chat/completions").then().statusCode(502)
                .header("x-switchboard-complexity", "simple")
                .body("error.message", containsString("gpt-4o-mini"));

        assertThat(calls(ANTHROPIC_MESSAGES)).isEmpty();
        assertThat(calls(OPENAI_CHAT)).allSatisfy(call -> assertThat(call.getBodyAsString()).contains("gpt-4o-mini"));
    }

    @Test
    void aFailingModerateRouteFallsBackToACheaperOneButNotTheComplexTier() {
        stub(post(urlPathEqualTo(OPENAI_CHAT))
                .withRequestBody(containing("\"model\":\"gpt-4o\""))
                .willReturn(openAiError(500, "error-server.json")));
        stub(post(urlPathEqualTo(OPENAI_CHAT))
                .withRequestBody(containing("\"model\":\"gpt-4o-mini\""))
                .willReturn(openAiAnswer("gpt-4o-mini")));
        claudeAnswers();

        caller().body(auto("[moderate]")).post("/v1/chat/completions").then().statusCode(200)
                .header("x-switchboard-route", "gpt-4o-mini")
                .header("x-switchboard-complexity", "moderate");

        assertThat(calls(ANTHROPIC_MESSAGES)).isEmpty();
    }

    @Test
    void fallbacksTheCallerNamesAreKept() {
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));
        claudeAnswers();

        caller().body(auto("[simple]", "claude-sonnet")).post("/v1/chat/completions").then().statusCode(200)
                .header("x-switchboard-route", "claude-sonnet")
                .header("x-switchboard-complexity", "simple");
    }

    @Test
    void aStreamedAnswerCarriesTheTierToo() {
        stub(post(urlPathEqualTo(OPENAI_CHAT))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(Fixtures.text("openai/chat-completion-stream.sse"))));

        caller().body(auto("[simple]").replace("\"model\"", "\"stream\":true,\"model\"")).post("/v1/chat/completions")
                .then().statusCode(200)
                .header("x-switchboard-route", "gpt-4o-mini")
                .header("x-switchboard-complexity", "simple")
                .body(containsString("[DONE]"));
    }

    @Test
    void aNamedModelCarriesNoTier() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o"));

        var response = caller().body(chatOnly("gpt-4o")).post("/v1/chat/completions");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("x-switchboard-complexity")).isNull();
    }
}
