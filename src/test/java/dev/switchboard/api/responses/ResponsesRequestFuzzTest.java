package dev.switchboard.api.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.CharConversionException;
import java.io.IOException;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;

import dev.switchboard.api.ErrorMappers;
import dev.switchboard.chat.ChatRequest;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.provider.anthropic.AnthropicAdapter;
import dev.switchboard.provider.anthropic.AnthropicTranslator;
import dev.switchboard.provider.gemini.GeminiAdapter;
import dev.switchboard.provider.gemini.GeminiTranslator;
import dev.switchboard.provider.openai.OpenAiTranslator;
import dev.switchboard.support.Fixtures;

/**
 * Fuzzes what a {@code POST /v1/responses} body goes through before any provider is called: Jackson's
 * reading of it, {@link ResponsesRequestReader}, the response object it would be echoed in, and every
 * provider's translation (where that provider takes the request). A body may only be refused as bad
 * input, a 4xx in the OpenAI format; any other exception is a finding, as it would be a 5xx. Seeds are
 * in {@code src/test/resources/dev/switchboard/api/responses/ResponsesRequestFuzzTestInputs/}.
 */
class ResponsesRequestFuzzTest {

    private static final AnthropicAdapter ANTHROPIC = new AnthropicAdapter(null, null, null);
    private static final GeminiAdapter GEMINI = new GeminiAdapter(null, null);
    private static final ErrorMappers ERRORS = new ErrorMappers();

    @FuzzTest
    @DictionaryEntries({"\"model\"", "\"input\"", "\"instructions\"", "\"role\"", "\"content\"", "\"type\"",
            "\"message\"", "\"function_call\"", "\"function_call_output\"", "\"reasoning\"", "\"item_reference\"",
            "\"call_id\"", "\"output\"", "\"arguments\"", "\"name\"", "\"input_text\"", "\"output_text\"",
            "\"input_image\"", "\"image_url\"", "\"detail\"", "\"refusal\"", "\"user\"", "\"assistant\"", "\"system\"",
            "\"developer\"", "\"tools\"", "\"function\"", "\"parameters\"", "\"strict\"", "\"tool_choice\"",
            "\"parallel_tool_calls\"", "\"text\"", "\"format\"", "\"json_schema\"", "\"json_object\"", "\"schema\"",
            "\"verbosity\"", "\"effort\"", "\"summary\"", "\"max_output_tokens\"", "\"temperature\"", "\"top_p\"",
            "\"metadata\"", "\"store\"", "\"stream\"", "\"stream_options\"", "\"include\"", "\"truncation\"",
            "\"previous_response_id\"", "\"background\"", "\"fallbacks\"", "\"data:image/png;base64,\"",
            "\"https://\"", "true", "null", "1e309", "-0", "[]", "{}"})
    void aBodyIsReadOrRefusedAsBadInput(byte[] body) {
        ResponsesRequest wire;
        try {
            wire = Fixtures.JSON.readValue(body, ResponsesRequest.class);
        } catch (JsonProcessingException unreadable) {
            assertThat(ERRORS.unreadableJson(unreadable, null).getStatus()).isEqualTo(400);
            return;
        } catch (CharConversionException notText) {
            assertThat(ERRORS.unreadableText(notText, null).getStatus()).isEqualTo(400);
            return;
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        ResponsesRequestReader.Translated read;
        try {
            read = ResponsesRequestReader.read(wire, 5L << 20);
        } catch (InvalidRequestException refused) {
            assertThat(refused.status()).isBetween(400, 499);
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        try {
            Fixtures.JSON.writeValueAsString(ResponseWriter.response("resp_1", 1, "m", read.echo(), "completed", null,
                    null, ResponseWriter.output("", java.util.List.of(), java.util.List.of(), "completed"), null, true));
        } catch (JsonProcessingException unwritable) {
            throw new AssertionError("the response echoing the request could not be written", unwritable);
        }
        translate(read.request());
    }

    private static void translate(ChatRequest request) {
        try {
            Fixtures.JSON.writeValueAsString(OpenAiTranslator.toOpenAi(request, "gpt-4o", ProviderType.OPENAI));
            if (ANTHROPIC.unsupported(request).isEmpty()) {
                Fixtures.JSON.writeValueAsString(AnthropicTranslator.toAnthropic(request, "claude-sonnet-4-5", 1024));
            }
            if (GEMINI.unsupported(request).isEmpty()) {
                Fixtures.JSON.writeValueAsString(GeminiTranslator.toGemini(request));
            }
        } catch (JsonProcessingException unwritable) {
            throw new AssertionError("a provider's request body could not be written", unwritable);
        }
    }
}
