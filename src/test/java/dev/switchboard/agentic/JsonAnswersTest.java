package dev.switchboard.agentic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An answer that is not the JSON its request asked for ({@code response_format}) is a malformed answer:
 * the request fails over, and the caller only ever gets the JSON it asked for.
 */
@QuarkusTest
class JsonAnswersTest extends GatewayTestBase {

    private static final String SCHEMA = "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"city\",\"strict\":true,"
            + "\"schema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"],"
            + "\"additionalProperties\":false}}}";

    private static String asking(String format) {
        return "{\"model\":\"gpt-4o\",\"fallbacks\":[\"gpt-4o-mini\"],\"response_format\":" + format
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Name a city in JSON\"}]}";
    }

    private static ResponseDefinitionBuilder answering(String model, String content) {
        String escaped = Fixtures.wire(content).toString();
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("openai/chat-completion.json").replace("gpt-4o-2024-08-06", model)
                        .replace("\"Hello! How can I assist you today?\"", escaped));
    }

    /** gpt-4o answers {@code content}; gpt-4o-mini, next in the chain, answers the JSON asked for. */
    private void primaryAnswers(String content) {
        stub(post(urlPathEqualTo(OPENAI_CHAT)).withRequestBody(matchingJsonPath("$.model",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("gpt-4o"))).willReturn(answering("gpt-4o", content)));
        stub(post(urlPathEqualTo(OPENAI_CHAT)).withRequestBody(matchingJsonPath("$.model",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("gpt-4o-mini")))
                .willReturn(answering("gpt-4o-mini", "{\"name\":\"Lisbon\"}")));
    }

    @Test
    void anAnswerThatIsNotJsonFailsOverToTheNextRoute() throws Exception {
        primaryAnswers("Sure! Lisbon is a lovely city.");

        caller().body(asking(SCHEMA)).post("/v1/chat/completions").then()
                .statusCode(200)
                .header("x-switchboard-route", "gpt-4o-mini")
                .header("x-switchboard-attempts", "2")
                .body("choices[0].message.content", equalTo("{\"name\":\"Lisbon\"}"));
        assertThat(calls(OPENAI_CHAT)).hasSize(2);
        assertThat(Fixtures.JSON.readTree(calls(OPENAI_CHAT).get(0).getBodyAsString()).path("response_format"))
                .isEqualTo(Fixtures.JSON.readTree(SCHEMA));
    }

    @Test
    void anAnswerMissingARequiredPropertyFailsOver() {
        primaryAnswers("{\"city\":\"Lisbon\"}");

        caller().body(asking(SCHEMA)).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "gpt-4o-mini");
    }

    @Test
    void jsonObjectAsksForAnObject() {
        primaryAnswers("[\"Lisbon\"]");

        caller().body(asking("{\"type\":\"json_object\"}")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "gpt-4o-mini");
    }

    @Test
    void aValidAnswerIsReturnedFromTheFirstRoute() {
        primaryAnswers("{\"name\":\"Porto\"}");

        caller().body(asking(SCHEMA)).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "gpt-4o")
                .body("choices[0].message.content", equalTo("{\"name\":\"Porto\"}"));
    }

    @Test
    void withNoRouteLeftTheCallerGetsA502NamingWhatWasWrong() {
        stub(OPENAI_CHAT, answering("gpt-4o", "not json at all"));

        caller().body(asking(SCHEMA).replace("[\"gpt-4o-mini\"]", "[]")).post("/v1/chat/completions").then()
                .statusCode(502)
                .body("error.code", equalTo("all_routes_failed"))
                .body("error.message", containsString("not valid JSON"));
    }
}
