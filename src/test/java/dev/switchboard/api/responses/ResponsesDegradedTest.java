package dev.switchboard.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;

import dev.switchboard.support.DegradedProfile;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.OpenAiSdk;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * When no route answers and degraded mode stands in, a Responses caller gets an ordinary response
 * (whole or streamed) the SDK reads as usual, marked degraded in its headers and its metadata.
 */
@QuarkusTest
@TestProfile(DegradedProfile.class)
class ResponsesDegradedTest extends GatewayTestBase {

    static final String GENERAL = "I'm experiencing technical difficulties. Please try again in a few minutes.";

    @TestHTTPResource("/v1")
    URL gateway;

    private static ResponseCreateParams params() {
        return ResponseCreateParams.builder().model("gpt-4o").input("Say hi")
                .putAdditionalBodyProperty("fallbacks", JsonValue.from(List.of("openai-compatible/llama-3.1-8b"))).build();
    }

    private void everyRouteFails() {
        stub(OPENAI_CHAT, openAiError(500, "error-server.json"));
        stub(COMPATIBLE_CHAT, openAiError(503, "error-overloaded.json"));
    }

    @Test
    void aWholeDegradedResponse() {
        everyRouteFails();

        HttpResponseFor<Response> raw = OpenAiSdk.client(gateway).responses().withRawResponse().create(params());
        Response response = raw.parse().validate();

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().values("x-switchboard-degraded")).containsExactly("true");
        assertThat(response.status()).contains(ResponseStatus.COMPLETED);
        assertThat(response.output().get(0).asMessage().content().get(0).asOutputText().text()).isEqualTo(GENERAL);
        assertThat(response.usage().orElseThrow().totalTokens()).isZero();
        assertThat(response.metadata().orElseThrow()._additionalProperties().get("switchboard_degraded"))
                .isEqualTo(JsonValue.from("true"));
    }

    @Test
    void aStreamedDegradedResponse() {
        everyRouteFails();

        List<ResponseStreamEvent> events = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = OpenAiSdk.client(gateway).responses().createStreaming(params())) {
            stream.stream().forEach(events::add);
        }

        assertThat(events.stream().filter(ResponseStreamEvent::isOutputTextDelta)
                .map(event -> event.asOutputTextDelta().delta()).collect(Collectors.joining())).isEqualTo(GENERAL);
        Response completed = events.get(events.size() - 1).asCompleted().response();
        assertThat(completed.usage().orElseThrow().totalTokens()).isZero();
        assertThat(completed.metadata().orElseThrow()._additionalProperties().get("switchboard_degraded"))
                .isEqualTo(JsonValue.from("true"));
    }
}
