package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.OpenAiSdk;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The official OpenAI Java SDK, pointed at Switchboard and otherwise unchanged, completes chats. */
@QuarkusTest
class OpenAiSdkTest extends GatewayTestBase {

    @TestHTTPResource("/v1")
    URL gateway;

    private OpenAIClient client() {
        return OpenAiSdk.client(gateway);
    }

    @Test
    void completesAChat() {
        stub(OPENAI_CHAT, openAiAnswer("gpt-4o-2024-08-06"));

        ChatCompletion completion = client().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o").addSystemMessage("Be brief.").addUserMessage("Say hi").temperature(0.2).build());

        assertThat(completion.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(completion.choices().get(0).message().content()).contains("Hello! How can I assist you today?");
        assertThat(calls(OPENAI_CHAT).get(0).getBodyAsString()).contains("\"role\":\"system\"").contains("\"temperature\":0.2");
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(29);
    }

    @Test
    void completesAChatThatFailedOver() {
        stub(OPENAI_CHAT, openAiError(503, "error-overloaded.json"));
        stub(COMPATIBLE_CHAT, openAiAnswer("llama-3.1-8b-instruct"));

        ChatCompletion completion = client().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o").addUserMessage("Say hi")
                .putAdditionalBodyProperty("fallbacks", JsonValue.from(List.of("openai-compatible/llama-3.1-8b")))
                .build());

        assertThat(completion.model()).isEqualTo("llama-3.1-8b-instruct");
        assertThat(completion.choices().get(0).message().content().orElseThrow()).startsWith("Hello!");
        assertThat(calls(OPENAI_CHAT)).hasSize(2);
    }

    @Test
    void seesAnUnknownModelAsTheSdksNotFound() {
        assertThatThrownBy(() -> client().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("no-such-model").addUserMessage("hi").build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-model");
    }

    @Test
    void listsModels() {
        assertThat(client().models().list().data()).extracting(model -> model.id()).contains("gpt-4o", "claude-sonnet");
    }
}
