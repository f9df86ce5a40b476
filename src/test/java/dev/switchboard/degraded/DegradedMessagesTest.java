package dev.switchboard.degraded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.anthropic.core.JsonValue;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.InternalServerException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;

import dev.switchboard.support.AnthropicSdk;
import dev.switchboard.support.DegradedProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A Messages API caller whose every route failed gets a degraded answer as a well-formed Messages
 * response or event stream (the official Anthropic SDK reads it as usual), marked in its headers and
 * in its body; the last good answer to the same conversation when there is one, whichever API asked.
 */
@QuarkusTest
@TestProfile(DegradedProfile.class)
class DegradedMessagesTest extends DegradedTestBase {

    @TestHTTPResource("/")
    URL gateway;

    private static MessageCreateParams.Builder params() {
        return MessageCreateParams.builder().model("gpt-4o").maxTokens(256).addUserMessage("Say hi")
                .putAdditionalBodyProperty("fallbacks", JsonValue.from(List.of(FALLBACK)));
    }

    @Test
    void aWholeDegradedAnswerIsAnOrdinaryMessageMarkedDegraded() {
        everyRouteFails();

        HttpResponseFor<Message> response = AnthropicSdk.client(gateway).messages().withRawResponse()
                .create(params().build());
        Message message = response.parse();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().values("x-switchboard-degraded")).containsExactly("true");
        assertThat(response.headers().values("x-switchboard-degraded-source")).containsExactly("static");
        assertThat(message.content().get(0).asText().text()).isEqualTo(GENERAL);
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().outputTokens()).isZero();
        assertThat(message._additionalProperties().get("switchboard").toString()).contains("degraded");
    }

    @Test
    void aStreamedDegradedAnswerIsAnOrdinaryEventStream() {
        everyRouteFails();

        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = AnthropicSdk.client(gateway).messages()
                .createStreaming(params().build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        assertThat(accumulator.message().content().get(0).asText().text()).isEqualTo(GENERAL);
        assertThat(accumulator.message().stopReason()).contains(StopReason.END_TURN);
    }

    @Test
    void theLastGoodAnswerStandsInAndTheCallerMayOptOut() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));
        var client = AnthropicSdk.client(gateway);
        assertThat(client.messages().create(params().build()).content().get(0).asText().text()).isEqualTo(FIXTURE_ANSWER);

        emulator.resetAll();
        everyRouteFails();
        HttpResponseFor<Message> remembered = client.messages().withRawResponse().create(params().build());
        assertThat(remembered.headers().values("x-switchboard-degraded-source")).containsExactly("cache");
        assertThat(remembered.parse().content().get(0).asText().text()).isEqualTo(FIXTURE_ANSWER);

        assertThatThrownBy(() -> client.messages().create(params().putAdditionalHeader("X-Switchboard-Degraded", "off")
                .build())).isInstanceOf(InternalServerException.class).hasMessageContaining("All routes failed");
    }
}
