package dev.switchboard.degraded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;

import dev.switchboard.support.DegradedProfile;
import dev.switchboard.support.OpenAiSdk;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The official OpenAI Java SDK, unchanged, reads a degraded answer as an ordinary one, whole and streamed. */
@QuarkusTest
@TestProfile(DegradedProfile.class)
class DegradedOpenAiSdkTest extends DegradedTestBase {

    @TestHTTPResource("/v1")
    URL gateway;

    private OpenAIClient client() {
        return OpenAiSdk.client(gateway);
    }

    private static ChatCompletionCreateParams.Builder params() {
        return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Say hi")
                .putAdditionalBodyProperty("fallbacks", JsonValue.from(List.of(FALLBACK)));
    }

    @Test
    void readsAWholeDegradedAnswer() {
        everyRouteFails();

        HttpResponseFor<ChatCompletion> response = client().chat().completions().withRawResponse().create(params().build());
        ChatCompletion completion = response.parse();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().values("x-switchboard-degraded")).containsExactly("true");
        assertThat(completion.model()).isEqualTo("gpt-4o");
        assertThat(completion.choices().get(0).message().content()).contains(GENERAL);
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.usage().orElseThrow().totalTokens()).isZero();
        assertThat(completion.systemFingerprint()).contains("switchboard-degraded");
    }

    @Test
    void readsAStreamedDegradedAnswer() {
        everyRouteFails();

        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client().chat().completions().createStreaming(params()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunks::add);
        }

        StringBuilder content = new StringBuilder();
        chunks.stream().flatMap(c -> c.choices().stream()).forEach(choice -> choice.delta().content().ifPresent(content::append));
        assertThat(content).hasToString(GENERAL);
        assertThat(chunks.stream().flatMap(c -> c.choices().stream()).flatMap(c -> c.finishReason().stream()).toList())
                .containsExactly(ChatCompletionChunk.Choice.FinishReason.STOP);
        assertThat(chunks.get(chunks.size() - 1).usage().orElseThrow().totalTokens()).isZero();
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.model()).isEqualTo("gpt-4o"));
    }
}
