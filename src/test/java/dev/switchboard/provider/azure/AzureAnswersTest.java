package dev.switchboard.provider.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.chat.ChatResult;
import dev.switchboard.chat.FinishReason;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.provider.openai.OpenAiChatResponse;
import dev.switchboard.provider.openai.OpenAiTranslator;
import dev.switchboard.support.Fixtures;

/** A completion Azure's filter withheld is a refusal, not a malformed answer. */
class AzureAnswersTest {

    private static final ProviderId AZURE = new ProviderId("azure-eu", ProviderType.AZURE_OPENAI);

    @Test
    void aWithheldCompletionIsAnEmptyAnswerFinishedByTheFilter() {
        OpenAiChatResponse withheld = Fixtures.read("azure/chat-completion-filtered.json", OpenAiChatResponse.class);

        ChatResult result = OpenAiTranslator.fromOpenAi(AzureAnswers.filteredAsEmpty(withheld), AZURE);

        assertThat(result.content()).isEmpty();
        assertThat(result.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(result.model()).isEqualTo("gpt-4o-2024-08-06");
    }

    @Test
    void aWholeAnswerIsLeftAsItIs() {
        OpenAiChatResponse answer = Fixtures.read("azure/chat-completion.json", OpenAiChatResponse.class);

        assertThat(AzureAnswers.filteredAsEmpty(answer)).isSameAs(answer);
    }
}
