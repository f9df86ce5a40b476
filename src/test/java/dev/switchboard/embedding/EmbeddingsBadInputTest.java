package dev.switchboard.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Bad embeddings input gets a 4xx in the OpenAI error format naming the parameter; never a 5xx, never a provider call. */
@QuarkusTest
class EmbeddingsBadInputTest extends EmbeddingsTestBase {

    private static final String MODEL = "\"model\":\"text-embedding-3-small\"";

    static Stream<Arguments> badBodies() {
        String tooMany = IntStream.range(0, 2049).mapToObj(i -> "\"x\"").collect(Collectors.joining(",", "[", "]"));
        return Stream.of(
                Arguments.of("{not json", 400, null),
                Arguments.of("[\"hello\"]", 400, null),
                Arguments.of("\"hello\"", 400, null),
                Arguments.of("{\"input\":\"hello\"}", 400, "model"),
                Arguments.of("{\"model\":42,\"input\":\"hello\"}", 400, "model"),
                Arguments.of("{\"model\":\"\",\"input\":\"hello\"}", 400, "model"),
                Arguments.of("{" + MODEL + "}", 400, "input"),
                Arguments.of("{" + MODEL + ",\"input\":null}", 400, "input"),
                Arguments.of("{" + MODEL + ",\"input\":\"\"}", 400, "input"),
                Arguments.of("{" + MODEL + ",\"input\":[]}", 400, "input"),
                Arguments.of("{" + MODEL + ",\"input\":{\"text\":\"hi\"}}", 400, "input"),
                Arguments.of("{" + MODEL + ",\"input\":42}", 400, "input"),
                Arguments.of("{" + MODEL + ",\"input\":[\"hi\",\"\"]}", 400, "input[1]"),
                Arguments.of("{" + MODEL + ",\"input\":[\"hi\",null]}", 400, "input[1]"),
                Arguments.of("{" + MODEL + ",\"input\":[\"hi\",{\"text\":\"x\"}]}", 400, "input[1]"),
                Arguments.of("{" + MODEL + ",\"input\":[\"hi\",true]}", 400, "input[1]"),
                Arguments.of("{" + MODEL + ",\"input\":[1212,318,257]}", 400, "input[0]"),
                Arguments.of("{" + MODEL + ",\"input\":[[1212,318],[257]]}", 400, "input[0]"),
                Arguments.of("{" + MODEL + ",\"input\":" + tooMany + "}", 400, "input"),
                Arguments.of("{\"model\":\"text-embedding-4-huge\",\"input\":\"hi\"}", 404, "model"),
                Arguments.of("{\"model\":\"gpt-4o\",\"input\":\"hi\"}", 404, "model"),
                Arguments.of("{\"model\":\"anthropic/claude-sonnet-4-5\",\"input\":\"hi\"}", 404, "model"),
                Arguments.of("{\"model\":\"azure/text-embedding-3-small\",\"input\":\"hi\"}", 404, "model"),
                Arguments.of("{\"model\":\"openai/\",\"input\":\"hi\"}", 404, "model"),
                Arguments.of("{\"model\":\"http://evil.example/v1\",\"input\":\"hi\"}", 400, "model"),
                Arguments.of("{" + MODEL + ",\"input\":\"hi\",\"encoding_format\":\"int8\"}", 400, "encoding_format"),
                Arguments.of("{" + MODEL + ",\"input\":\"hi\",\"encoding_format\":1}", 400, "encoding_format"),
                Arguments.of("{" + MODEL + ",\"input\":\"hi\",\"dimensions\":0}", 400, "dimensions"),
                Arguments.of("{" + MODEL + ",\"input\":\"hi\",\"dimensions\":-3}", 400, "dimensions"),
                Arguments.of("{" + MODEL + ",\"input\":\"hi\",\"dimensions\":1.5}", 400, "dimensions"),
                Arguments.of("{" + MODEL + ",\"input\":\"hi\",\"dimensions\":\"1536\"}", 400, "dimensions"),
                Arguments.of("{" + MODEL + ",\"input\":\"hi\",\"dimensions\":99999999999}", 400, "dimensions"),
                Arguments.of("{" + MODEL + ",\"input\":\"hi\",\"dimensions\":768}", 400, "dimensions"),
                Arguments.of("{\"model\":\"gemini-embedding-001\",\"input\":\"hi\",\"dimensions\":1536}", 400, "dimensions"),
                Arguments.of("{" + MODEL + ",\"input\":\"hi\",\"fallbacks\":[\"gemini-embedding-001\"]}", 400, "fallbacks"));
    }

    @AfterEach
    void noProviderWasCalled() {
        assertThat(totalCalls()).isZero();
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void isRejectedInTheOpenAiErrorFormat(String body, int status, String param) {
        ValidatableResponse response = caller().body(body).post("/v1/embeddings").then()
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
}
