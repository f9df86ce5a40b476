package dev.switchboard.agentic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Function calling through the gateway, whole answers: the model's calls come back in OpenAI's shape
 * ({@code tool_calls}, {@code content: null}, {@code finish_reason: tool_calls}), and the caller's
 * results go back to the provider in its own shape, ids intact.
 */
@QuarkusTest
class ToolConversationsTest extends GatewayTestBase {

    static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"Current weather in a city\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}]";
    static final String QUESTION = "{\"role\":\"user\",\"content\":\"Weather in Lisbon and Porto?\"}";
    /** The calls the OpenAI fixture makes, as the caller sends them back. */
    static final String CALLS = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
            + "{\"id\":\"call_Qm3vT8sLp2Wc9YsHd4FjZaB1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"arguments\":\"{\\\"city\\\":\\\"Lisbon\\\",\\\"unit\\\":\\\"celsius\\\"}\"}},"
            + "{\"id\":\"call_Rn4wU9tMq3Xd0ZtIe5GkAbC2\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"arguments\":\"{\\\"city\\\":\\\"Porto\\\",\\\"unit\\\":\\\"celsius\\\"}\"}}]}";
    static final String RESULTS = "{\"role\":\"tool\",\"tool_call_id\":\"call_Qm3vT8sLp2Wc9YsHd4FjZaB1\",\"content\":\"18C, sunny\"},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"call_Rn4wU9tMq3Xd0ZtIe5GkAbC2\",\"content\":\"21C, cloudy\"}";

    static String request(String model, String messages) {
        return "{\"model\":\"" + model + "\",\"fallbacks\":[]," + TOOLS + ",\"messages\":[" + messages + "]}";
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void aTwoStepToolConversationOnOpenAi() throws Exception {
        stub(OPENAI_CHAT, json(Fixtures.text("openai/chat-completion-tool-calls.json")));

        caller().body(request("gpt-4o", QUESTION)).post("/v1/chat/completions").then()
                .statusCode(200)
                .body("choices[0].finish_reason", equalTo("tool_calls"))
                .body("choices[0].message.content", nullValue())
                .body("choices[0].message.tool_calls", hasSize(2))
                .body("choices[0].message.tool_calls[0].id", equalTo("call_Qm3vT8sLp2Wc9YsHd4FjZaB1"))
                .body("choices[0].message.tool_calls[0].type", equalTo("function"))
                .body("choices[0].message.tool_calls[0].function.name", equalTo("get_weather"))
                .body("choices[0].message.tool_calls[1].function.arguments", equalTo("{\"city\":\"Porto\",\"unit\":\"celsius\"}"));
        JsonNode first = Fixtures.JSON.readTree(calls(OPENAI_CHAT).get(0).getBodyAsString());
        assertThat(first.path("tools").get(0).path("function").path("parameters").path("required").get(0).asText())
                .isEqualTo("city");

        emulator.resetAll();
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));
        caller().body(request("gpt-4o", QUESTION + "," + CALLS + "," + RESULTS)).post("/v1/chat/completions").then()
                .statusCode(200)
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("choices[0].message.content", equalTo("Hello! How can I assist you today?"))
                .body("choices[0].message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("tool_calls")));
        JsonNode second = Fixtures.JSON.readTree(calls(OPENAI_CHAT).get(0).getBodyAsString()).path("messages");
        assertThat(second).hasSize(4);
        assertThat(second.get(1).path("tool_calls").get(1).path("id").asText()).isEqualTo("call_Rn4wU9tMq3Xd0ZtIe5GkAbC2");
        assertThat(second.get(2).path("role").asText()).isEqualTo("tool");
        assertThat(second.get(2).path("tool_call_id").asText()).isEqualTo("call_Qm3vT8sLp2Wc9YsHd4FjZaB1");
        assertThat(second.get(3).path("content").asText()).isEqualTo("21C, cloudy");
    }

    /** The calls of the Anthropic fixture, as the caller sends them back, and their results. */
    static final String ANTHROPIC_CALLS = "{\"role\":\"assistant\",\"content\":\"I'll check both cities.\",\"tool_calls\":["
            + "{\"id\":\"toolu_01A09q90qw90lq917835lq9\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"arguments\":\"{\\\"city\\\":\\\"Lisbon\\\"}\"}},"
            + "{\"id\":\"toolu_01B19r91rx91mr928946mr0\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"arguments\":\"{\\\"city\\\":\\\"Porto\\\"}\"}}]},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"toolu_01A09q90qw90lq917835lq9\",\"content\":\"18C, sunny\"},"
            + "{\"role\":\"tool\",\"tool_call_id\":\"toolu_01B19r91rx91mr928946mr0\",\"content\":\"{\\\"temp\\\":21}\"}";

    @Test
    void aTwoStepToolConversationOnAnthropic() throws Exception {
        stub(ANTHROPIC_MESSAGES, json(Fixtures.text("anthropic/messages-response-parallel-tool-use.json")));

        caller().body(request("claude-sonnet", QUESTION)).post("/v1/chat/completions").then()
                .statusCode(200)
                .body("choices[0].finish_reason", equalTo("tool_calls"))
                .body("choices[0].message.content", equalTo("I'll check both cities."))
                .body("choices[0].message.tool_calls[0].id", equalTo("toolu_01A09q90qw90lq917835lq9"))
                .body("choices[0].message.tool_calls[1].function.arguments", equalTo("{\"city\":\"Porto\"}"));
        JsonNode first = Fixtures.JSON.readTree(calls(ANTHROPIC_MESSAGES).get(0).getBodyAsString());
        assertThat(first.path("tools").get(0).path("input_schema").path("required").get(0).asText()).isEqualTo("city");

        emulator.resetAll();
        stub(ANTHROPIC_MESSAGES, json(Fixtures.text("anthropic/messages-response.json")));
        caller().body(request("claude-sonnet", QUESTION + "," + ANTHROPIC_CALLS)).post("/v1/chat/completions").then()
                .statusCode(200).body("choices[0].finish_reason", equalTo("stop"));
        JsonNode messages = Fixtures.JSON.readTree(calls(ANTHROPIC_MESSAGES).get(0).getBodyAsString()).path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1).path("content").get(2).path("id").asText()).isEqualTo("toolu_01B19r91rx91mr928946mr0");
        JsonNode results = messages.get(2).path("content");
        assertThat(results.get(0).path("type").asText()).isEqualTo("tool_result");
        assertThat(results.get(0).path("tool_use_id").asText()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(results.get(1).path("tool_use_id").asText()).isEqualTo("toolu_01B19r91rx91mr928946mr0");
    }

    @Test
    void aTwoStepToolConversationOnGeminiKeepsItsIdsAndSignature() throws Exception {
        String path = geminiPath("gemini-2.5-flash");
        stub(path, json(Fixtures.text("gemini/generate-content-response-function-call.json")));
        String id = caller().body(request("gemini-flash", QUESTION)).post("/v1/chat/completions").then()
                .statusCode(200)
                .body("choices[0].finish_reason", equalTo("tool_calls"))
                .body("choices[0].message.tool_calls[0].function.name", equalTo("set_light_values"))
                .extract().path("choices[0].message.tool_calls[0].id");
        JsonNode first = Fixtures.JSON.readTree(calls(path).get(0).getBodyAsString());
        assertThat(first.path("tools").get(0).path("functionDeclarations").get(0).path("name").asText()).isEqualTo("get_weather");

        emulator.resetAll();
        stub(path, json(Fixtures.text("gemini/generate-content-response.json")));
        String calls = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"" + id + "\",\"type\":\"function\","
                + "\"function\":{\"name\":\"set_light_values\",\"arguments\":\"{\\\"brightness\\\":25}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"" + id + "\",\"content\":\"done\"}";
        caller().body(request("gemini-flash", QUESTION + "," + calls)).post("/v1/chat/completions").then()
                .statusCode(200).body("choices[0].finish_reason", equalTo("stop"));
        JsonNode contents = Fixtures.JSON.readTree(calls(path).get(0).getBodyAsString()).path("contents");
        assertThat(contents.get(1).path("parts").get(0).path("thoughtSignature").asText())
                .isEqualTo("CiwBVKhc7nRyTi3HmggPD9iQiRc261f5jwuMdw3H/itDH0emsb9ZVo3Nwx9p6wpsAVSoXO5i8fDV4jBSBLoaWxB5zUdlGY6aIw==");
        JsonNode response = contents.get(2).path("parts").get(0).path("functionResponse");
        assertThat(response.path("name").asText()).isEqualTo("set_light_values");
        assertThat(response.path("response").path("output").asText()).isEqualTo("done");
    }

    @Test
    void aToolConversationStartedOnAnthropicFailsOverToOpenAiAndToGeminiWithIdsIntact() throws Exception {
        stub(ANTHROPIC_MESSAGES, aResponse().withStatus(529).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("anthropic/error-overloaded.json")));
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));
        stub(geminiPath("gemini-2.5-flash"), json(Fixtures.text("gemini/generate-content-response.json")));

        caller().body(request("claude-sonnet", QUESTION + "," + ANTHROPIC_CALLS)
                        .replace("\"fallbacks\":[]", "\"fallbacks\":[\"gpt-4o\",\"gemini-flash\"]"))
                .post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "gemini-flash");

        JsonNode openAi = Fixtures.JSON.readTree(calls(OPENAI_CHAT).get(0).getBodyAsString()).path("messages");
        assertThat(openAi.get(1).path("tool_calls").get(0).path("id").asText()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(openAi.get(3).path("tool_call_id").asText()).isEqualTo("toolu_01B19r91rx91mr928946mr0");
        JsonNode gemini = Fixtures.JSON.readTree(calls(geminiPath("gemini-2.5-flash")).get(0).getBodyAsString()).path("contents");
        assertThat(gemini.get(1).path("parts").get(1).path("functionCall").path("args").path("city").asText()).isEqualTo("Lisbon");
        assertThat(gemini.get(1).path("parts").get(2).path("functionCall").path("args").path("city").asText()).isEqualTo("Porto");
        JsonNode results = gemini.get(2).path("parts");
        assertThat(results.get(0).path("functionResponse").path("name").asText()).isEqualTo("get_weather");
        assertThat(results.get(0).path("functionResponse").path("response").path("output").asText()).isEqualTo("18C, sunny");
        assertThat(results.get(1).path("functionResponse").path("response").path("temp").asInt()).isEqualTo(21);
    }

    @Test
    void aSchemaGeminiCannotTakeSkipsGeminiAndWithNoOtherRouteIsA400NamingTheKeyword() {
        String oneOf = request("gemini-flash", QUESTION).replace("\"unit\":{\"type\":\"string\"}",
                "\"unit\":{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}");
        caller().body(oneOf).post("/v1/chat/completions").then()
                .statusCode(400)
                .body("error.code", equalTo("unsupported_parameter"))
                .body("error.message", org.hamcrest.Matchers.containsString("'oneOf'"))
                .body("error.message", org.hamcrest.Matchers.containsString("tools[0].function.parameters.properties.unit"));
        assertThat(totalCalls()).isZero();
    }
}
