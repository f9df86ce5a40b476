package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.CharConversionException;
import java.io.IOException;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;

import dev.switchboard.chat.ChatResult;
import dev.switchboard.provider.anthropic.AnthropicResponse;
import dev.switchboard.provider.anthropic.AnthropicTranslator;
import dev.switchboard.provider.gemini.GeminiResponse;
import dev.switchboard.provider.gemini.GeminiTranslator;
import dev.switchboard.provider.openai.OpenAiChatResponse;
import dev.switchboard.provider.openai.OpenAiTranslator;
import dev.switchboard.support.Fixtures;

/**
 * Fuzzes the translation of a whole answer from each provider's wire format: the first byte picks the
 * provider (OpenAI, Anthropic, Gemini), the rest is the response body. A body is either read as an
 * answer the gateway can bill and return (text, model, finish reason, token counts that are not
 * negative), or refused as the typed {@link ProviderFailure} the router fails over on; an unreadable
 * body is Jackson's exception, which the client's fallback types as a malformed response. Anything
 * else escaping is a finding. Seeds: the providers' documented responses, in
 * {@code src/test/resources/dev/switchboard/provider/ProviderResponsesFuzzTestInputs/}.
 */
class ProviderResponsesFuzzTest {

    @FuzzTest
    @DictionaryEntries({"\"choices\"", "\"message\"", "\"content\"", "\"refusal\"", "\"finish_reason\"", "\"usage\"",
            "\"prompt_tokens\"", "\"completion_tokens\"", "\"prompt_tokens_details\"", "\"cached_tokens\"", "\"model\"",
            "\"type\"", "\"text\"", "\"stop_reason\"", "\"input_tokens\"", "\"output_tokens\"",
            "\"cache_read_input_tokens\"", "\"candidates\"", "\"parts\"", "\"finishReason\"", "\"usageMetadata\"",
            "\"promptTokenCount\"", "\"candidatesTokenCount\"", "\"cachedContentTokenCount\"", "\"promptFeedback\"",
            "\"blockReason\"", "\"modelVersion\"", "\"SAFETY\"", "\"MAX_TOKENS\"", "\"STOP\"", "-1", "2147483648"})
    void aResponseIsAnAnswerOrATypedFailure(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] body = Arrays.copyOfRange(data, 1, data.length);
        ChatResult result;
        try {
            result = switch (Math.floorMod(data[0], 3)) {
                case 0 -> OpenAiTranslator.fromOpenAi(Fixtures.JSON.readValue(body, OpenAiChatResponse.class),
                        ProviderId.OPENAI);
                case 1 -> AnthropicTranslator.fromAnthropic(Fixtures.JSON.readValue(body, AnthropicResponse.class),
                        ProviderId.ANTHROPIC);
                default -> GeminiTranslator.fromGemini(Fixtures.JSON.readValue(body, GeminiResponse.class),
                        ProviderId.GEMINI, "gemini-2.5-flash");
            };
        } catch (ProviderFailure refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        } catch (JsonProcessingException | CharConversionException unreadable) {
            // What the client's fallback makes of it (a charset mistake read as a broken connection until fuzzed).
            assertThat(FailureFallback.classify(ProviderId.OPENAI, unreadable))
                    .isInstanceOf(ProviderFailure.MalformedResponse.class);
            return;
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        assertThat(result.content()).isNotNull();
        assertThat(result.model()).isNotNull();
        assertThat(result.finishReason()).isNotNull();
        assertThat(result.usage().promptTokens()).isNotNegative();
        assertThat(result.usage().completionTokens()).isNotNegative();
        assertThat(result.usage().cachedPromptTokens()).isBetween(0, result.usage().promptTokens());
    }
}
