package dev.switchboard.support.stream;

import org.junit.jupiter.api.BeforeEach;

import dev.switchboard.support.FreshGateway;
import dev.switchboard.support.GatewayTestBase;
import dev.switchboard.support.ProviderEmulator;

/**
 * What every streaming test shares (each runs under the {@link StreamingProfile} test profile): a
 * scripted provider with no scripts left over, and a gateway that remembers nothing between tests.
 */
public abstract class StreamingTestBase extends FreshGateway {

    public static final String OPENAI_CHAT = GatewayTestBase.OPENAI_CHAT;
    public static final String COMPATIBLE_CHAT = GatewayTestBase.COMPATIBLE_CHAT;
    public static final String ANTHROPIC_MESSAGES = GatewayTestBase.ANTHROPIC_MESSAGES;

    protected ScriptedProvider provider;

    @BeforeEach
    void resetProvider() {
        provider.reset();
    }

    public static String geminiStreamPath(String model) {
        return ProviderEmulator.GEMINI + "/v1beta/models/" + model + ":streamGenerateContent";
    }

    /** A streamed request for a model and, optionally, an explicit fallback chain (empty: that model alone). */
    protected static String streamed(String model, String... fallbacks) {
        return streamed(model, false, fallbacks);
    }

    protected static String streamed(String model, boolean includeUsage, String... fallbacks) {
        StringBuilder body = new StringBuilder("{\"model\":\"" + model + "\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello to the world\"}]");
        if (includeUsage) {
            body.append(",\"stream_options\":{\"include_usage\":true}");
        }
        body.append(",\"fallbacks\":[");
        for (int i = 0; i < fallbacks.length; i++) {
            body.append(i == 0 ? "" : ",").append('"').append(fallbacks[i]).append('"');
        }
        return body.append("]}").toString();
    }
}
