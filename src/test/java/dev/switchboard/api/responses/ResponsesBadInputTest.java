package dev.switchboard.api.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Bad input to {@code POST /v1/responses} gets a 4xx in the OpenAI error format naming the
 * parameter; never a 5xx, never a provider call. What needs stored state is refused as such.
 */
@QuarkusTest
class ResponsesBadInputTest extends GatewayTestBase {

    private static final String HI = "\"input\":\"hi\"";
    private static final String CALL = "{\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"get_weather\","
            + "\"arguments\":\"{}\"}";

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{not json", 400, null, "invalid_json"),
                Arguments.of("{" + HI + "}", 400, "model", null),
                Arguments.of("{\"model\":\"no-such-route\"," + HI + "}", 404, "model", "model_not_found"),
                Arguments.of("{\"model\":\"gpt-4o\"}", 400, "input", null),
                Arguments.of("{\"model\":\"gpt-4o\",\"input\":[]}", 400, "input", null),
                Arguments.of("{\"model\":\"gpt-4o\",\"input\":{\"role\":\"user\"}}", 400, "input", null),
                Arguments.of("{\"model\":\"gpt-4o\",\"input\":[{\"type\":\"web_search_call\",\"id\":\"ws_1\"}]}", 400,
                        "input[0].type", null),
                Arguments.of("{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":\"hi\"},"
                        + "{\"type\":\"function_call_output\",\"output\":\"18C\"}]}", 400, "input[1].call_id", null),
                Arguments.of("{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":\"hi\"},"
                        + "{\"type\":\"function_call_output\",\"call_id\":\"call_9\",\"output\":\"18C\"}]}", 400,
                        "input[1].call_id", null),
                Arguments.of("{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":\"hi\"}," + CALL
                        + ",{\"type\":\"function_call_output\",\"call_id\":\"call_1\"}]}", 400, "input[2].output", null),
                Arguments.of("{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_image\","
                        + "\"image_url\":\"ftp://example.com/a.png\"}]}]}", 400, "input[0].content[0].image_url", null),
                Arguments.of("{\"model\":\"gpt-4o\"," + HI + ",\"tools\":[{\"type\":\"web_search\"}]}", 400, "tools[0].type",
                        "unsupported_parameter"),
                Arguments.of("{\"model\":\"gpt-4o\"," + HI + ",\"tools\":[{\"type\":\"file_search\",\"vector_store_ids\":[]}]}",
                        400, "tools[0].type", "unsupported_parameter"),
                Arguments.of("{\"model\":\"gpt-4o\"," + HI + ",\"text\":{\"format\":{\"type\":\"json_schema\"}}}", 400,
                        "text.format.name", null),
                Arguments.of("{\"model\":\"gpt-4o\"," + HI + ",\"text\":{\"format\":\"json\"}}", 400, "text.format", null),
                Arguments.of("{\"model\":\"gpt-4o\"," + HI + ",\"previous_response_id\":\"resp_123\"}", 400,
                        "previous_response_id", "unsupported_parameter"),
                Arguments.of("{\"model\":\"gpt-4o\"," + HI + ",\"background\":true}", 400, "background",
                        "unsupported_parameter"),
                Arguments.of("{\"model\":\"gpt-4o\"," + HI + ",\"conversation\":\"conv_1\"}", 400, "conversation",
                        "unsupported_parameter"),
                Arguments.of("{\"model\":\"gpt-4o\"," + HI + ",\"prompt\":{\"id\":\"pmpt_1\"}}", 400, "prompt",
                        "unsupported_parameter"),
                Arguments.of("{\"model\":\"gpt-4o\"," + HI + ",\"max_output_tokens\":0}", 400, "max_output_tokens", null),
                Arguments.of("{\"model\":\"gpt-4o\"," + HI + ",\"max_output_tokens\":\"many\"}", 400, "max_output_tokens",
                        "invalid_json"),
                Arguments.of("{\"model\":\"gpt-4o\"," + HI + ",\"reasoning\":{\"effort\":\"extreme\"}}", 400,
                        "reasoning.effort", null),
                Arguments.of("{\"model\":\"gpt-4o\"," + HI + ",\"top_p\":2}", 400, "top_p", null));
    }

    @AfterEach
    void noProviderWasCalled() {
        assertThat(totalCalls()).as("bad input never reaches a provider").isZero();
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void isRejectedInTheOpenAiErrorFormat(String body, int status, String param, String code) {
        ValidatableResponse response = caller().body(body).post("/v1/responses").then()
                .statusCode(status)
                .contentType("application/json")
                .body("error.message", not(emptyOrNullString()))
                .body("error.type", equalTo("invalid_request_error"))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
        if (param != null) {
            response.body("error.param", equalTo(param)).body("error.message", containsString(param.replaceAll("\\[.*", "")));
        }
        if (code != null) {
            response.body("error.code", equalTo(code));
        }
    }

    @Test
    void previousResponseIdIsRefusedSayingToSendTheWholeConversation() {
        caller().body("{\"model\":\"gpt-4o\"," + HI + ",\"previous_response_id\":\"resp_123\"}").post("/v1/responses").then()
                .statusCode(400)
                .body("error.message", containsString("stateless"))
                .body("error.message", containsString("send the whole conversation in input"));
    }

    @Test
    void aCallerWithoutTheGatewayKeyIsRefused() {
        io.restassured.RestAssured.given().contentType("application/json").body("{\"model\":\"gpt-4o\"," + HI + "}")
                .post("/v1/responses").then().statusCode(401);
    }
}
