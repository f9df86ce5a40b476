package dev.switchboard.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GeminiToolCallIdsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "plain base64, CiwBVKhc7nRyTi3HmggPD9iQiRc261f5jwuMdw3H/itDH0emsb9ZVo3Nwx9p6wpsAVSoXO5i8f==",
            "short, a",
            "characters base64url would change, +/=_-",
            "non-ASCII, signé" })
    void aSignatureComesBackOutOfItsId(String description, String signature) {
        String id = GeminiToolCallIds.encode("call_r1_0", signature);
        assertThat(id).startsWith("call_r1_0__ts_").doesNotContain("=", "+", "/");
        assertThat(GeminiToolCallIds.signature(id)).contains(signature);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noSignatureLeavesTheBaseAlone(String signature) {
        assertThat(GeminiToolCallIds.encode("call_r1_0", signature)).isEqualTo("call_r1_0");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "call_r1_0", "call_abc123", "toolu_01A09q90qw90lq917835lq9", "call_r1_0__ts_",
            "call_r1_0__ts_!!not base64!!", "call_r1_0__ts_a" })
    void anIdWithoutAReadableSignatureCarriesNone(String id) {
        assertThat(GeminiToolCallIds.signature(id)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest(name = "{0}, {1}, {2} -> {4}")
    @CsvSource(nullValues = "null", value = {
            "fc-7, resp1, null, 0, fc-7",
            "null, resp1, null, 2, call_resp1_2",
            "'', resp1, null, 0, call_resp1_0",
            "null, null, 3f2a, 1, call_3f2a_1",
            "null, '', 3f2a, 0, call_3f2a_0" })
    void theBaseIsGeminisIdElseTheResponsesElseTheFallback(String geminiId, String responseId, String fallback,
            int index, String base) {
        assertThat(GeminiToolCallIds.base(geminiId, responseId, fallback, index)).isEqualTo(base);
    }
}
