package dev.switchboard.provider.gemini;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Tool-call ids that carry Gemini's {@code thoughtSignature}. Gemini 2.5 and 3 put a signature on
 * function-call parts and need it back on the same part in later turns (Gemini 3 refuses a
 * function-calling turn without it), but an OpenAI-format caller keeps only the call's id. So the
 * signature travels inside the id: {@code <base>__ts_<signature, base64url without padding>}, and
 * comes out again when the caller's next request sends the call back.
 */
public final class GeminiToolCallIds {

    /** Between the id's base and its signature. */
    static final String MARKER = "__ts_";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private GeminiToolCallIds() {
    }

    /** The id to give the caller: the base alone when the call has no signature. */
    public static String encode(String base, String thoughtSignature) {
        if (thoughtSignature == null || thoughtSignature.isEmpty()) {
            return base;
        }
        return base + MARKER + ENCODER.encodeToString(thoughtSignature.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The signature an id carries. An id Switchboard did not make (another provider's, or one whose
     * tail is not base64url) carries none, so nothing invented reaches Gemini.
     */
    public static Optional<String> signature(String id) {
        int marker = id == null ? -1 : id.indexOf(MARKER);
        if (marker < 0 || marker + MARKER.length() == id.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(DECODER.decode(id.substring(marker + MARKER.length())),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64Url) {
            return Optional.empty();
        }
    }

    /**
     * The base of the id of a call: Gemini's own id when it gave one, else one derived from the
     * response's id and the call's position among the answer's calls (the same for a whole and a
     * streamed answer), else, when Gemini named no response either, from {@code fallbackPrefix}.
     */
    static String base(String geminiId, String responseId, String fallbackPrefix, int index) {
        if (geminiId != null && !geminiId.isEmpty()) {
            return geminiId;
        }
        return "call_" + (responseId != null && !responseId.isEmpty() ? responseId : fallbackPrefix) + "_" + index;
    }
}
