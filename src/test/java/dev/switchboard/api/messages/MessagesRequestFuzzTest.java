package dev.switchboard.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.switchboard.api.ChatRequestFuzzTest;
import dev.switchboard.chat.InvalidRequestException;
import dev.switchboard.support.Fixtures;

/**
 * Fuzzes what a {@code POST /v1/messages} body goes through before any provider is called: Jackson's
 * reading, the Messages API's checks, the token estimate, and every provider's translation of the
 * conversation. A body may only be refused as bad input (a 4xx); any other exception is a finding.
 * Seeds are in {@code src/test/resources/dev/switchboard/api/messages/MessagesRequestFuzzTestInputs/}.
 */
class MessagesRequestFuzzTest {

    private static final MessagesReader READER = new MessagesReader(5L << 20);

    @FuzzTest
    @DictionaryEntries({"\"model\"", "\"max_tokens\"", "\"messages\"", "\"role\"", "\"content\"", "\"system\"",
            "\"user\"", "\"assistant\"", "\"type\"", "\"text\"", "\"image\"", "\"source\"", "\"base64\"",
            "\"media_type\"", "\"image/png\"", "\"data\"", "\"url\"", "\"tool_use\"", "\"tool_result\"",
            "\"tool_use_id\"", "\"id\"", "\"name\"", "\"input\"", "\"is_error\"", "\"thinking\"", "\"signature\"",
            "\"redacted_thinking\"", "\"budget_tokens\"", "\"enabled\"", "\"disabled\"", "\"adaptive\"",
            "\"cache_control\"", "\"ephemeral\"", "\"ttl\"", "\"tools\"", "\"input_schema\"", "\"tool_choice\"",
            "\"any\"", "\"auto\"", "\"tool\"", "\"disable_parallel_tool_use\"", "\"output_config\"", "\"format\"",
            "\"json_schema\"", "\"schema\"", "\"stop_sequences\"", "\"top_k\"", "\"metadata\"", "\"user_id\"",
            "\"stream\"", "\"fallbacks\"", "true", "null", "1e309", "-0", "[]", "{}"})
    void aBodyIsReadOrRefusedAsBadInput(byte[] body) {
        JsonNode tree;
        try {
            tree = Fixtures.JSON.readTree(body);
        } catch (JsonProcessingException unreadable) {
            return; // the REST layer's reader; ErrorMappers answers it with a 400 (ChatRequestFuzzTest checks that)
        } catch (IOException notText) {
            return; // bytes Jackson took for UTF-32 holding no character: a 400 as well
        }
        MessagesReader.MessagesCall call;
        try {
            call = READER.read(tree, body.length % 2 == 0 ? null : "interleaved-thinking-2025-05-14");
        } catch (InvalidRequestException refused) {
            assertThat(refused.status()).isBetween(400, 499);
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(TokenEstimate.of(call.request())).isNotNegative();
        ChatRequestFuzzTest.translate(call.request());
    }
}
