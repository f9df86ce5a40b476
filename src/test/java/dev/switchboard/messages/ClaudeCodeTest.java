package dev.switchboard.messages;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * {@code /v1/messages} the way Claude Code calls it with {@code ANTHROPIC_BASE_URL} set: its dated
 * model id, streaming, its tools, a long conversation of tool calls and results, system blocks with
 * cache breakpoints, its {@code anthropic-beta} features and {@code metadata.user_id}; and the same
 * session carried on by Gemini when Anthropic is overloaded.
 */
@QuarkusTest
@TestProfile(LongSessionProfile.class)
class ClaudeCodeTest extends GatewayTestBase {

    static final String BETA = "claude-code-20250219,interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14";
    static final int TURNS = 30;

    /** A session as Claude Code sends it: {@code TURNS} rounds of a Bash call and its output, then a question. */
    static ObjectNode session(String model) {
        ObjectNode body = Fixtures.JSON.createObjectNode();
        body.put("model", model).put("max_tokens", 32000).put("stream", true).put("temperature", 1);
        ArrayNode system = body.putArray("system");
        system.addObject().put("type", "text").put("text", "You are Claude Code, Anthropic's official CLI for Claude.");
        system.addObject().put("type", "text").put("text", "Working directory: /work/project")
                .putObject("cache_control").put("type", "ephemeral");
        ArrayNode tools = body.putArray("tools");
        for (String name : List.of("Bash", "Read", "Edit", "Grep")) {
            ObjectNode tool = tools.addObject().put("name", name).put("description", name + " tool");
            ObjectNode schema = tool.putObject("input_schema").put("type", "object");
            schema.putObject("properties").putObject("command").put("type", "string");
            schema.putArray("required").add("command");
            schema.put("additionalProperties", false).put("$schema", "http://json-schema.org/draft-07/schema#");
        }
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "user").putArray("content").addObject().put("type", "text")
                .put("text", "Run the tests and fix what fails.");
        for (int i = 0; i < TURNS; i++) {
            ArrayNode calling = messages.addObject().put("role", "assistant").putArray("content");
            calling.addObject().put("type", "text").put("text", "Running step " + i + ".");
            calling.addObject().put("type", "tool_use").put("id", "toolu_01Step" + i).put("name", "Bash")
                    .putObject("input").put("command", "./mvnw test -Dstep=" + i);
            ArrayNode results = messages.addObject().put("role", "user").putArray("content");
            ObjectNode result = results.addObject().put("type", "tool_result").put("tool_use_id", "toolu_01Step" + i)
                    .put("content", "BUILD SUCCESS step " + i);
            if (i == TURNS - 1) {
                result.putObject("cache_control").put("type", "ephemeral");
            }
        }
        messages.addObject().put("role", "user").put("content", "What next?");
        body.putObject("metadata").put("user_id", "user_abc123_account__session_42");
        return body;
    }

    private static Response send(ObjectNode body) {
        return given().header("x-api-key", ProviderEmulator.GATEWAY_KEY).header("anthropic-version", "2023-06-01")
                .header("anthropic-beta", BETA).contentType("application/json").body(body.toString())
                .post("/v1/messages");
    }

    /** The event names of an Anthropic event stream, in order. */
    static List<String> eventNames(String stream) {
        List<String> names = new ArrayList<>();
        for (String line : stream.split("\n")) {
            if (line.startsWith("event: ")) {
                names.add(line.substring(7));
            }
        }
        return names;
    }

    static List<JsonNode> data(String stream) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : stream.split("\n")) {
            if (line.startsWith("data: ")) {
                events.add(Fixtures.JSON.readTree(line.substring(6)));
            }
        }
        return events;
    }

    @Test
    void aLongStreamedToolSessionReachesAnthropicIntactAndStreamsBackInItsEventFormat() throws Exception {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(Fixtures.text("anthropic/stream-tool-use.sse")));

        Response response = send(session("claude-sonnet-4-5-20250929"));

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/event-stream");
        assertThat(response.header("X-Switchboard-Route")).isEqualTo("claude-sonnet");
        List<String> names = eventNames(response.asString());
        assertThat(names.get(0)).isEqualTo("message_start");
        assertThat(names.get(1)).isEqualTo("ping");
        assertThat(names).containsSubsequence("content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        assertThat(names.get(names.size() - 1)).isEqualTo("message_stop");
        JsonNode delta = data(response.asString()).stream().filter(e -> e.path("type").asText().equals("message_delta"))
                .findFirst().orElseThrow();
        assertThat(delta.path("delta").path("stop_reason").asText()).isEqualTo("tool_use");

        var sent = calls(ANTHROPIC_MESSAGES).get(0);
        assertThat(sent.getHeader("anthropic-beta")).isEqualTo(BETA);
        assertThat(sent.getHeader("x-api-key")).isNotEqualTo(ProviderEmulator.GATEWAY_KEY);
        JsonNode upstream = Fixtures.JSON.readTree(sent.getBodyAsString());
        assertThat(upstream.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(upstream.path("stream").asBoolean()).isTrue();
        assertThat(upstream.path("max_tokens").asInt()).isEqualTo(32000);
        assertThat(upstream.path("metadata").path("user_id").asText()).isEqualTo("user_abc123_account__session_42");
        assertThat(upstream.path("system").get(1).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        assertThat(upstream.path("tools")).hasSize(4);
        JsonNode messages = upstream.path("messages");
        assertThat(messages).hasSize(2 * TURNS + 1);
        assertThat(messages.get(1).path("content").get(1).path("id").asText()).isEqualTo("toolu_01Step0");
        JsonNode last = messages.get(2 * TURNS).path("content");
        assertThat(last.get(0).path("type").asText()).isEqualTo("tool_result");
        assertThat(last.get(0).path("tool_use_id").asText()).isEqualTo("toolu_01Step" + (TURNS - 1));
        assertThat(last.get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        assertThat(last.get(last.size() - 1).toString()).contains("What next?");
    }

    @Test
    void theSessionIsCarriedOnByGeminiWhenAnthropicIsOverloaded() throws Exception {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(529).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/error-overloaded.json")));
        stub(ProviderEmulator.GEMINI + "/v1beta/models/gemini-2.5-flash:streamGenerateContent",
                aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(Fixtures.text("gemini/stream-generate-content-function-call.sse")));
        ObjectNode body = session("claude-sonnet-4-5-20250929");
        body.putArray("fallbacks").add("gemini-flash");

        Response response = send(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("X-Switchboard-Route")).isEqualTo("gemini-flash");
        List<JsonNode> events = data(response.asString());
        List<JsonNode> uses = events.stream().filter(e -> e.path("type").asText().equals("content_block_start")
                && e.path("content_block").path("type").asText().equals("tool_use")).toList();
        assertThat(uses).hasSize(2);
        assertThat(uses.get(0).path("content_block").path("name").asText()).isEqualTo("get_current_temperature");
        String arguments = events.stream().filter(e -> e.path("delta").path("type").asText().equals("input_json_delta"))
                .map(e -> e.path("delta").path("partial_json").asText()).reduce("", String::concat);
        assertThat(arguments).contains("London").contains("Paris");
        JsonNode end = events.stream().filter(e -> e.path("type").asText().equals("message_delta")).findFirst().orElseThrow();
        assertThat(end.path("usage").path("output_tokens").asInt()).isPositive();
        assertThat(eventNames(response.asString())).last().isEqualTo("message_stop");

        JsonNode contents = Fixtures.JSON.readTree(calls(
                ProviderEmulator.GEMINI + "/v1beta/models/gemini-2.5-flash:streamGenerateContent").get(0).getBodyAsString())
                .path("contents");
        assertThat(contents).hasSize(2 * TURNS + 1);
        assertThat(contents.get(1).path("parts").get(1).path("functionCall").path("name").asText()).isEqualTo("Bash");
        assertThat(contents.get(2).path("parts").get(0).path("functionResponse").path("name").asText()).isEqualTo("Bash");
    }

    @Test
    void aBearerTokenWorksAsWellAsXApiKey() {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/messages-response.json")));
        ObjectNode body = session("claude-sonnet-4-5-20250929").put("stream", false);

        given().header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY).contentType("application/json")
                .body(body.toString()).post("/v1/messages").then().statusCode(200)
                .body("type", org.hamcrest.Matchers.equalTo("message"))
                .body("content[0].text", org.hamcrest.Matchers.equalTo("Hi! My name is Claude."))
                .body("usage.input_tokens", org.hamcrest.Matchers.equalTo(2095));
    }
}
