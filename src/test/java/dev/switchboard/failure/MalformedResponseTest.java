package dev.switchboard.failure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.support.GatewayTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** F18: a 200 whose body is not the documented schema is a provider failure: fail over, never a 500. */
@QuarkusTest
class MalformedResponseTest extends GatewayTestBase {

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("application/json", "{\"unexpected\":true}"),
                Arguments.of("application/json", "{\"id\":\"x\",\"choices\":[]}"),
                Arguments.of("application/json", "this is not json"),
                Arguments.of("application/json", "{\"choices\":\"wrong type\"}"),
                Arguments.of("text/html", "<html><body>Bad gateway</body></html>"));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void failsOverInsteadOfFailing(String contentType, String body) {
        stub(OPENAI_CHAT, aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b"));

        caller().body(chat("gpt-4o", "openai-compatible/llama-3.1-8b")).post("/v1/chat/completions").then()
                .statusCode(200).header("x-switchboard-route", "openai-compatible/llama-3.1-8b");

        assertThat(calls(OPENAI_CHAT)).hasSize(1);
    }
}
