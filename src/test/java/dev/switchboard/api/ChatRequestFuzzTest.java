package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.CharConversionException;
import java.io.IOException;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;

import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.complexity.KeywordClassifier;
import dev.switchboard.complexity.LearnedClassifier;
import dev.switchboard.degraded.RequestKey;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.provider.anthropic.AnthropicAdapter;
import dev.switchboard.provider.anthropic.AnthropicTranslator;
import dev.switchboard.provider.gemini.GeminiAdapter;
import dev.switchboard.provider.gemini.GeminiTranslator;
import dev.switchboard.provider.openai.OpenAiTranslator;
import dev.switchboard.support.Fixtures;

/**
 * Fuzzes what a {@code POST /v1/chat/completions} body goes through before any provider is called:
 * Jackson's reading of it, the OpenAI contract's checks, the complexity classifiers, the degraded-mode
 * key, and every provider's translation (where that provider takes the request). A body may only be
 * refused as bad input, a 4xx in the OpenAI format; any other exception is a finding, as it would be a
 * 5xx. Fuzzed for a short budget by every {@code ./mvnw verify}, longer on demand (src/docs/testing.md);
 * seeds are in {@code src/test/resources/dev/switchboard/api/ChatRequestFuzzTestInputs/}.
 */
public class ChatRequestFuzzTest {

    private static final LearnedClassifier LEARNED = LearnedClassifier.fromResource();
    private static final KeywordClassifier KEYWORDS = new KeywordClassifier();
    private static final AnthropicAdapter ANTHROPIC = new AnthropicAdapter(null, null, null);
    private static final GeminiAdapter GEMINI = new GeminiAdapter(null, null);
    private static final ErrorMappers ERRORS = new ErrorMappers();

    @FuzzTest
    @DictionaryEntries({"\"model\"", "\"messages\"", "\"role\"", "\"content\"", "\"system\"", "\"user\"",
            "\"assistant\"", "\"developer\"", "\"tool\"", "\"name\"", "\"type\"", "\"text\"", "\"image_url\"",
            "\"temperature\"", "\"top_p\"", "\"max_tokens\"", "\"max_completion_tokens\"", "\"stop\"", "\"n\"",
            "\"seed\"", "\"stream\"", "\"stream_options\"", "\"include_usage\"", "\"fallbacks\"", "\"tools\"",
            "\"presence_penalty\"", "\"frequency_penalty\"", "\"response_format\"", "\"user\"", "\"auto\"",
            "\"tool_calls\"", "\"tool_call_id\"", "\"tool_choice\"", "\"parallel_tool_calls\"", "\"function\"",
            "\"arguments\"", "\"parameters\"", "\"json_schema\"", "\"json_object\"", "\"schema\"", "\"strict\"",
            "\"cache_control\"", "\"ephemeral\"", "\"thinking_blocks\"", "\"reasoning_effort\"", "\"logprobs\"",
            "\"data:image/png;base64,\"", "\"https://\"", "\"required\"", "\"$ref\"",
            "true", "null", "1e309", "-0", "[]", "{}"})
    void aBodyIsReadOrRefusedAsBadInput(byte[] body) {
        ChatCompletionRequest wire;
        try {
            wire = Fixtures.JSON.readValue(body, ChatCompletionRequest.class);
        } catch (JsonProcessingException unreadable) {
            // What the REST layer's reader throws; the API answers it with a 400 naming the problem.
            assertThat(ERRORS.unreadableJson(unreadable, null).getStatus()).isEqualTo(400);
            return;
        } catch (CharConversionException notText) {
            // Bytes Jackson took for UTF-32 that hold no character (a 500 until the fuzzer found it).
            assertThat(ERRORS.unreadableText(notText, null).getStatus()).isEqualTo(400);
            return;
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        ChatRequest request;
        try {
            request = ChatRequestValidator.validate(wire, 5L << 20);
        } catch (InvalidRequestException refused) {
            assertThat(refused.status()).isBetween(400, 499);
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        ChatRequestValidator.streams(wire);
        ChatRequestValidator.includeUsage(wire);
        assertThat(LEARNED.classify(request)).isNotNull();
        assertThat(KEYWORDS.classify(request)).isNotNull();
        assertThat(RequestKey.of("caller", wire.model(), request).digest()).isNotEmpty();
        translate(request);
    }

    /** Every provider's request body, where that provider takes the request, written as its client would. */
    public static void translate(ChatRequest request) {
        try {
            Fixtures.JSON.writeValueAsString(OpenAiTranslator.toOpenAi(request, "gpt-4o", ProviderType.OPENAI));
            Fixtures.JSON.writeValueAsString(OpenAiTranslator.toOpenAi(request, "llama", ProviderType.OPENAI_COMPATIBLE));
            if (ANTHROPIC.unsupported(request).isEmpty()) {
                Fixtures.JSON.writeValueAsString(AnthropicTranslator.toAnthropic(request, "claude-sonnet-4-5", 1024));
                Fixtures.JSON.writeValueAsString(AnthropicTranslator.toAnthropic(request.continuing("So far"),
                        "claude-sonnet-4-5", 1024).streamed());
            }
            if (GEMINI.unsupported(request).isEmpty()) {
                Fixtures.JSON.writeValueAsString(GeminiTranslator.toGemini(request));
            }
        } catch (JsonProcessingException unwritable) {
            throw new AssertionError("a provider's request body could not be written", unwritable);
        }
    }
}
