package dev.switchboard.messages;

import static io.restassured.RestAssured.given;
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
import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Bad input to {@code /v1/messages} gets a 4xx in Anthropic's error format
 * ({@code {"type":"error","error":{"type","message"}}}) whose message names the field as Anthropic
 * names it; never a 5xx, never a provider call.
 */
@QuarkusTest
class MessagesBadInputTest extends GatewayTestBase {

    private static final String HI = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
    private static final String START = "{\"model\":\"claude-sonnet\",\"max_tokens\":100,";
    private static final String TOOL = "{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\"}}";

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{not json", 400, null),
                Arguments.of("[1,2,3]", 400, null),
                Arguments.of("", 400, null),
                Arguments.of("{\"max_tokens\":100," + HI + "}", 400, "model"),
                Arguments.of("{\"model\":\"claude-sonnet\"," + HI + "}", 400, "max_tokens"),
                Arguments.of(START.replace("100", "0") + HI + "}", 400, "max_tokens"),
                Arguments.of(START.replace("100", "\"many\"") + HI + "}", 400, "max_tokens"),
                Arguments.of(START + "\"messages\":[]}", 400, "messages"),
                Arguments.of(START + "\"messages\":\"hi\"}", 400, "messages"),
                Arguments.of(START.substring(0, START.length() - 1) + "}", 400, "messages"),
                Arguments.of(START + "\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}", 400, "messages.0.role"),
                Arguments.of(START + "\"messages\":[{\"role\":\"user\"}]}", 400, "messages.0.content"),
                Arguments.of(START + "\"messages\":[{\"role\":\"user\",\"content\":[]}]}", 400, "messages.0.content"),
                Arguments.of(START + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]}", 400,
                        "messages.0.content.0.text"),
                Arguments.of(START + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"document\",\"source\":{}}]}]}",
                        400, "messages.0.content.0.type"),
                Arguments.of(START + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":"
                        + "{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"AAAA\"}}]}]}", 400,
                        "messages.0.content.0.source"),
                Arguments.of(START + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":"
                        + "{\"type\":\"file\",\"file_id\":\"f\"}}]}]}", 400, "messages.0.content.0.source.type"),
                Arguments.of(START + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"content\":\"x\"}]}]}",
                        400, "messages.0.content.0.tool_use_id"),
                Arguments.of(START + "\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\","
                        + "\"name\":\"f\",\"input\":\"{}\"}]}]}", 400, "messages.0.content.0.input"),
                // Found by MessagesRequestFuzzTest: a result answering no call was a 500 in Gemini's translation.
                Arguments.of(START + "\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\","
                        + "\"name\":\"f\",\"input\":{}}]},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                        + "\"tool_use_id\":\"t2\",\"content\":\"x\"}]}]}", 400, "messages.1.content.0.tool_use_id"),
                Arguments.of(START + "\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\","
                        + "\"name\":\"bad name!\",\"input\":{}}]}]}", 400, "messages.0.content.0.name"),
                Arguments.of(START + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"x\","
                        + "\"cache_control\":{\"type\":\"forever\"}}]}]}", 400, "messages.0.content.0.cache_control"),
                Arguments.of(START + "\"system\":42," + HI + "}", 400, "system"),
                Arguments.of(START + "\"system\":[{\"type\":\"image\"}]," + HI + "}", 400, "system.0.type"),
                Arguments.of(START + "\"temperature\":3," + HI + "}", 400, "temperature"),
                Arguments.of(START + "\"top_k\":-1," + HI + "}", 400, "top_k"),
                Arguments.of(START + "\"stop_sequences\":\"END\"," + HI + "}", 400, "stop_sequences"),
                Arguments.of(START + "\"stream\":\"yes\"," + HI + "}", 400, "stream"),
                Arguments.of(START + "\"tools\":{}," + HI + "}", 400, "tools"),
                Arguments.of(START + "\"tools\":[{\"name\":\"f\"}]," + HI + "}", 400, "tools.0.input_schema"),
                Arguments.of(START + "\"tools\":[" + TOOL + "," + TOOL + "]," + HI + "}", 400, "tools.1.name"),
                Arguments.of(START + "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}]," + HI + "}",
                        400, "tools.0.type"),
                Arguments.of(START + "\"tools\":[" + TOOL + "],\"tool_choice\":{\"type\":\"tool\",\"name\":\"other\"}," + HI + "}",
                        400, "tool_choice.name"),
                Arguments.of(START + "\"tool_choice\":{\"type\":\"sometimes\"}," + HI + "}", 400, "tool_choice.type"),
                Arguments.of(START + "\"thinking\":{\"type\":\"enabled\"}," + HI + "}", 400, "thinking.budget_tokens"),
                Arguments.of(START + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":100}," + HI + "}", 400,
                        "thinking.budget_tokens"),
                Arguments.of(START + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048}," + HI + "}", 400,
                        "thinking.budget_tokens"),
                Arguments.of(START + "\"output_config\":{\"format\":{\"type\":\"json_schema\"}}," + HI + "}", 400,
                        "output_config.format.schema"),
                Arguments.of(START + "\"mcp_servers\":[]," + HI + "}", 400, "mcp_servers"),
                Arguments.of(START + "\"frobnicate\":true," + HI + "}", 400, "frobnicate"),
                Arguments.of(START.replace("claude-sonnet", "no-such-route") + HI + "}", 404, "no-such-route"),
                Arguments.of(START.replace("claude-sonnet", "https://evil.example/x") + HI + "}", 400, "model"));
    }

    @AfterEach
    void noProviderWasCalled() {
        assertThat(totalCalls()).as("bad input never reaches a provider").isZero();
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void isRejectedInAnthropicsErrorFormat(String body, int status, String field) {
        ValidatableResponse response = caller().body(body).post("/v1/messages").then()
                .statusCode(status)
                .contentType("application/json")
                .body("type", equalTo("error"))
                .body("error.type", equalTo(status == 404 ? "not_found_error" : "invalid_request_error"))
                .body("error.message", not(emptyOrNullString()))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
        if (field != null) {
            response.body("error.message", containsString(field));
        }
    }

    @Test
    void aBadBetaHeaderIsRefused() {
        caller().header("anthropic-beta", "ok\r\nX-Injected: 1").body(START + HI + "}").post("/v1/messages").then()
                .statusCode(400).body("error.message", containsString("anthropic-beta"));
    }

    @Test
    void aMissingOrWrongKeyIsAnAuthenticationErrorWhetherSentAsXApiKeyOrBearer() {
        given().contentType("application/json").body(START + HI + "}").post("/v1/messages").then()
                .statusCode(401).body("type", equalTo("error")).body("error.type", equalTo("authentication_error"))
                .body("error.message", containsString("x-api-key"));
        given().contentType("application/json").header("x-api-key", "wrong").body(START + HI + "}").post("/v1/messages")
                .then().statusCode(401).body("error.type", equalTo("authentication_error"))
                .body(not(containsString("wrong")));
        given().contentType("application/json").header("Authorization", "Bearer wrong").body(START + HI + "}")
                .post("/v1/messages").then().statusCode(401).body("error.type", equalTo("authentication_error"));
    }

    @Test
    void aWrongContentTypeAndAnOversizedBodyAreRefusedInTheSameFormat() {
        given().header("x-api-key", ProviderEmulator.GATEWAY_KEY).contentType("text/plain").body("hello")
                .post("/v1/messages").then().statusCode(415).body("type", equalTo("error"))
                .body("error.type", equalTo("invalid_request_error"));
        String huge = START + "\"messages\":[{\"role\":\"user\",\"content\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}]}";
        caller().body(huge).post("/v1/messages").then().statusCode(413).body("type", equalTo("error"))
                .body("error.type", equalTo("request_too_large"));
    }

    @Test
    void countTokensRefusesBadInputTheSameWay() {
        caller().body("{\"model\":\"claude-sonnet\",\"messages\":[]}").post("/v1/messages/count_tokens").then()
                .statusCode(400).body("type", equalTo("error")).body("error.message", containsString("messages"));
    }
}
