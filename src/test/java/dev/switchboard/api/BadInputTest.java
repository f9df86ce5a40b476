package dev.switchboard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.containsString;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Bad input gets a 4xx in the OpenAI error format naming the problem; never a 5xx, never a provider call. */
@QuarkusTest
class BadInputTest extends GatewayTestBase {

    private static final String USER = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
    private static final String TOOL = "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}";
    private static final String CALL = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
            + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]}";

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{not json", 400, null),
                Arguments.of("[1,2,3]", 400, null),
                Arguments.of("", 400, null),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":\"hi\"}", 400, "messages"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[]}", 400, "messages"),
                Arguments.of("{\"model\":\"gpt-4o\"}", 400, "messages"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"content\":\"hi\"}]}", 400, "messages[0].role"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}", 400, "messages[0].role"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\"}]}", 400, "messages[0].content"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":42}]}", 400, "messages[0].content"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}}]}]}", 400, "messages[0].content[0].image_url.url"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",\"input_audio\":{}}]}]}", 400, "messages[0].content[0].type"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}}]},{\"role\":\"user\",\"content\":\"hi\"}]}", 400, "messages[0].content[0].type"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:application/pdf;base64,AAAA\"}}]}]}", 400, "messages[0].content[0].image_url.url"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\",\"detail\":\"ultra\"}}]}]}", 400, "messages[0].content[0].image_url.detail"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}", 400, "messages[0].tool_call_id"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"function\",\"content\":\"x\"}]}", 400, "messages[0].role"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"x\"}]}", 400, "messages[1].tool_call_id"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[" + CALL + ",{\"role\":\"tool\",\"tool_call_id\":\"call_2\",\"content\":\"x\"}]}", 400, "messages[1].tool_call_id"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{oops\"}}]}]}", 400, "messages[0].tool_calls[0].function.arguments"),
                // Found by ChatRequestFuzzTest: a lenient reader took this for an object, Gemini's translation did not (a 500).
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{} x\"}}]}]}", 400, "messages[0].tool_calls[0].function.arguments"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}]}", 400, "messages[0].tool_calls[0].id"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"tool_calls\":[]}]}", 400, "messages[0].tool_calls"),
                Arguments.of("{\"model\":\"gpt-4o\",\"tools\":{}," + USER + "}", 400, "tools"),
                Arguments.of("{\"model\":\"gpt-4o\",\"tools\":[{\"type\":\"function\"}]," + USER + "}", 400, "tools[0].function"),
                Arguments.of("{\"model\":\"gpt-4o\",\"tools\":[{\"type\":\"custom\",\"custom\":{\"name\":\"x\"}}]," + USER + "}", 400, "tools[0].type"),
                Arguments.of("{\"model\":\"gpt-4o\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"bad name!\"}}]," + USER + "}", 400, "tools[0].function.name"),
                Arguments.of("{\"model\":\"gpt-4o\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":\"none\"}}]," + USER + "}", 400, "tools[0].function.parameters"),
                Arguments.of("{\"model\":\"gpt-4o\",\"tools\":[" + TOOL + "," + TOOL + "]," + USER + "}", 400, "tools[1].function.name"),
                Arguments.of("{\"model\":\"gpt-4o\",\"tools\":[" + TOOL + "],\"tool_choice\":\"always\"," + USER + "}", 400, "tool_choice"),
                Arguments.of("{\"model\":\"gpt-4o\",\"tools\":[" + TOOL + "],\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"other\"}}," + USER + "}", 400, "tool_choice.function.name"),
                Arguments.of("{\"model\":\"gpt-4o\",\"tool_choice\":\"auto\"," + USER + "}", 400, "tool_choice"),
                Arguments.of("{\"model\":\"gpt-4o\",\"tools\":[" + TOOL + "],\"parallel_tool_calls\":\"yes\"," + USER + "}", 400, "parallel_tool_calls"),
                Arguments.of("{\"model\":\"gpt-4o\",\"functions\":[]," + USER + "}", 400, "functions"),
                Arguments.of("{\"model\":\"gpt-4o\",\"logprobs\":\"yes\"," + USER + "}", 400, "logprobs"),
                Arguments.of("{\"model\":\"gpt-4o\",\"reasoning_effort\":\"extreme\"," + USER + "}", 400, "reasoning_effort"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"assistant\",\"content\":\"x\",\"thinking_blocks\":[{\"type\":\"thinking\"}]}]}", 400, "messages[0].thinking_blocks[0]"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"x\",\"thinking_blocks\":[]}]}", 400, "messages[0].thinking_blocks"),
                Arguments.of("{\"model\":\"gpt-4o\",\"top_logprobs\":3," + USER + "}", 400, "top_logprobs"),
                Arguments.of("{\"model\":\"gpt-4o\",\"logprobs\":true,\"top_logprobs\":21," + USER + "}", 400, "top_logprobs"),
                Arguments.of("{\"model\":\"gpt-4o\",\"response_format\":{\"type\":\"xml\"}," + USER + "}", 400, "response_format.type"),
                Arguments.of("{\"model\":\"gpt-4o\",\"response_format\":{\"type\":\"json_schema\"}," + USER + "}", 400, "response_format.json_schema"),
                Arguments.of("{\"model\":\"gpt-4o\",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"a b\"}}," + USER + "}", 400, "response_format.json_schema.name"),
                Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"cache_control\":{\"type\":\"forever\"}}]}", 400, "messages[0].cache_control"),
                Arguments.of("{\"model\":\"gpt-4o\",\"temperature\":\"hot\"," + USER + "}", 400, "temperature"),
                Arguments.of("{\"model\":\"gpt-4o\",\"temperature\":3," + USER + "}", 400, "temperature"),
                Arguments.of("{\"model\":\"gpt-4o\",\"top_p\":1.5," + USER + "}", 400, "top_p"),
                Arguments.of("{\"model\":\"gpt-4o\",\"max_tokens\":0," + USER + "}", 400, "max_tokens"),
                Arguments.of("{\"model\":\"gpt-4o\",\"max_completion_tokens\":\"many\"," + USER + "}", 400, "max_completion_tokens"),
                Arguments.of("{\"model\":\"gpt-4o\",\"n\":2," + USER + "}", 400, "n"),
                Arguments.of("{\"model\":\"gpt-4o\",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]," + USER + "}", 400, "stop"),
                Arguments.of("{\"model\":\"gpt-4o\",\"stream_options\":{\"include_usage\":true}," + USER + "}", 400,
                        "stream_options"),
                Arguments.of("{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":true," + USER + "}", 400,
                        "stream_options"),
                Arguments.of("{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":\"yes\"},"
                        + USER + "}", 400, "stream_options.include_usage"),
                Arguments.of("{\"model\":\"gpt-4o\",\"tools\":[]," + USER + "}", 400, "tools"),
                Arguments.of("{" + USER + "}", 400, "model"),
                Arguments.of("{\"model\":\"no-such-route\"," + USER + "}", 404, "model"),
                Arguments.of("{\"model\":\"azure/gpt-4\"," + USER + "}", 404, "model"),
                Arguments.of("{\"model\":\"openai/\"," + USER + "}", 404, "model"),
                Arguments.of("{\"model\":\"gpt-4o\",\"fallbacks\":[\"nowhere\"]," + USER + "}", 400, "fallbacks[0]"),
                Arguments.of("{\"model\":\"gpt-4o\",\"fallbacks\":[\"http://evil.example/v1\"]," + USER + "}", 400, "fallbacks[0]"),
                Arguments.of("{\"model\":\"gpt-4o\",\"fallbacks\":\"gpt-4o-mini\"," + USER + "}", 400, "fallbacks"));
    }

    @AfterEach
    void noProviderWasCalled() {
        assertThat(totalCalls()).as("bad input never reaches a provider").isZero();
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void isRejectedInTheOpenAiErrorFormat(String body, int status, String param) {
        ValidatableResponse response = caller().body(body).post("/v1/chat/completions").then()
                .statusCode(status)
                .contentType("application/json")
                .body("error.message", not(emptyOrNullString()))
                .body("error.type", equalTo("invalid_request_error"))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
        if (param != null) {
            response.body("error.param", equalTo(param)).body("error.message", containsString(param.replaceAll("\\[.*", "")));
        }
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String huge = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}]}";
        caller().body(huge).post("/v1/chat/completions").then()
                .statusCode(413).body("error.code", equalTo("request_too_large"));
    }

    @Test
    void bytesThatLookLikeUtf32ButHoldNoCharacterAreBadInputNotAnInternalError() {
        // Found by ChatRequestFuzzTest: Jackson takes a body starting with four zero bytes for UTF-32.
        byte[] body = java.util.Base64.getDecoder().decode("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAHsik5pkZTBsc2FnRXMiInJyIn1dfQ==");
        caller().body(body).post("/v1/chat/completions").then()
                .statusCode(400)
                .contentType("application/json")
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("invalid_json"))
                .body("error.message", containsString("not valid JSON text"));
    }

    @Test
    void aWrongContentTypeIsRefusedWith415() {
        given().header("Authorization", "Bearer " + ProviderEmulator.GATEWAY_KEY).contentType("text/plain")
                .body("hello").post("/v1/chat/completions").then()
                .statusCode(415).body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void anUnknownPathIsA404InTheSameFormat() {
        caller().get("/v1/nothing-here").then().statusCode(404).body("error.message", containsString("Unknown path"));
    }
}
