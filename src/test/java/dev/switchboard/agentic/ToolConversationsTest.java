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
}
