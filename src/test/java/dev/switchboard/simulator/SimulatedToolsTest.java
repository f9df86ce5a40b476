package dev.switchboard.simulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.SimulatedProvidersProfile;
import dev.switchboard.support.stream.StreamedReply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The keyless quick start shows agent traffic end to end: each simulated provider, reached through
 * the gateway and its translation, calls the tool it is offered, answers the tool's result, and
 * answers in JSON when asked, whole and streamed.
 */
@QuarkusTest
@TestProfile(SimulatedProvidersProfile.class)
class SimulatedToolsTest {

    private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
            + "\"days\":{\"type\":\"integer\"}},\"required\":[\"city\",\"days\"]}}}]";
    private static final String QUESTION = "{\"role\":\"user\",\"content\":\"Lisbon\"}";

    private static String body(String route, String messages, String more) {
        return "{\"model\":\"" + route + "\",\"fallbacks\":[],\"messages\":[" + messages + "]" + more + "}";
    }

    private static JsonNode post(String json) throws Exception {
        String answer = given().contentType(ContentType.JSON).body(json).post("/v1/chat/completions").then()
                .statusCode(200).extract().asString();
        return Fixtures.JSON.readTree(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "claude-sonnet", "gemini-flash"})
    void aSimulatedModelCallsTheToolThenAnswersItsResult(String route) throws Exception {
        JsonNode called = post(body(route, QUESTION, "," + TOOLS)).path("choices").get(0);
        assertThat(called.path("finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode call = called.path("message").path("tool_calls").get(0);
        assertThat(call.path("function").path("name").asText()).isEqualTo("get_weather");
        JsonNode arguments = Fixtures.JSON.readTree(call.path("function").path("arguments").asText());
        assertThat(arguments.path("city").asText()).isEqualTo("Lisbon");
        assertThat(arguments.path("days").isInt()).isTrue();

        String id = call.path("id").asText();
        String turns = QUESTION + ",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + call + "]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"" + id + "\",\"content\":\"18C and sunny\"}";
        JsonNode answered = post(body(route, turns, "," + TOOLS)).path("choices").get(0);
        assertThat(answered.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(answered.path("message").path("content").asText()).contains("The tool answered").contains("18C and sunny");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "claude-sonnet", "gemini-flash"})
    void aSimulatedModelStreamsItsToolCall(String route) {
        StreamedReply reply = StreamedReply.post(body(route, QUESTION, "," + TOOLS + ",\"stream\":true"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.finishReasons()).containsExactly("tool_calls");
        StringBuilder arguments = new StringBuilder();
        String[] name = new String[1];
        reply.chunks().forEach(chunk -> chunk.path("choices").path(0).path("delta").path("tool_calls").forEach(piece -> {
            if (piece.path("function").has("name")) {
                name[0] = piece.path("function").path("name").asText();
            }
            arguments.append(piece.path("function").path("arguments").asText(""));
        }));
        assertThat(name[0]).isEqualTo("get_weather");
        assertThat(arguments.toString()).contains("\"city\":\"Lisbon\"");
        assertThat(reply.endsWithDone()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o", "claude-sonnet", "gemini-flash"})
    void aSimulatedModelAnswersInTheJsonAskedFor(String route) throws Exception {
        String schema = ",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"city\",\"schema\":"
                + "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}}}";
        String content = post(body(route, QUESTION, schema)).path("choices").get(0).path("message").path("content").asText();
        assertThat(Fixtures.JSON.readTree(content).path("name").isTextual()).isTrue();

        String object = post(body(route, QUESTION, ",\"response_format\":{\"type\":\"json_object\"}"))
                .path("choices").get(0).path("message").path("content").asText();
        assertThat(Fixtures.JSON.readTree(object).isObject()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude-sonnet", "gemini-flash"})
    void aSimulatedModelShowsItsThinkingWhenReasoningIsAskedFor(String route) throws Exception {
        JsonNode message = post(body(route, QUESTION, ",\"reasoning_effort\":\"low\"")).path("choices").get(0).path("message");
        assertThat(message.path("reasoning_content").asText()).contains("thinks briefly");
        assertThat(message.path("content").asText()).contains("Lisbon");

        StreamedReply reply = StreamedReply.post(body(route, QUESTION, ",\"reasoning_effort\":\"low\",\"stream\":true"));
        StringBuilder reasoning = new StringBuilder();
        reply.chunks().forEach(chunk -> reasoning.append(chunk.path("choices").path(0).path("delta")
                .path("reasoning_content").asText("")));
        assertThat(reasoning.toString()).isEqualTo(message.path("reasoning_content").asText());
        assertThat(reply.finishReasons()).containsExactly("stop");
    }

    @org.junit.jupiter.api.Test
    void anthropicsSimulatedThinkingIsSigned() throws Exception {
        JsonNode block = post(body("claude-sonnet", QUESTION, ",\"reasoning_effort\":\"low\""))
                .path("choices").get(0).path("message").path("thinking_blocks").get(0);
        assertThat(block.path("type").asText()).isEqualTo("thinking");
        assertThat(block.path("signature").asText()).isNotEmpty();
    }
}
