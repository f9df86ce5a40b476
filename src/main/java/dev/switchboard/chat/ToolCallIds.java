package dev.switchboard.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Tool-call ids made by one provider and sent to another. A conversation that failed over carries the
 * ids of the provider that made its calls, and providers differ in the ids they take: OpenAI takes at
 * most 40 characters, Anthropic only letters, digits, {@code _} and {@code -}. An id that fits both
 * is sent as it is; any other is replaced by one made from its SHA-256, the same every time, so a
 * call and the result that answers it still match and a retry sends the same bytes.
 */
public final class ToolCallIds {

    /** What every provider takes: OpenAI's length and Anthropic's characters. */
    static final Pattern PORTABLE = Pattern.compile("[a-zA-Z0-9_-]{1,40}");
    private static final int HASH_CHARS = 32;

    private ToolCallIds() {
    }

    /** The id itself when every provider takes it, else {@code call_} and 32 hex characters of its hash. */
    public static String fitted(String id) {
        return PORTABLE.matcher(id).matches() ? id : "call_" + hash(id).substring(0, HASH_CHARS);
    }

    private static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
