package dev.switchboard.support;

import java.net.URL;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;

/** The official OpenAI Java SDK pointed at the gateway and otherwise unchanged, as an authenticated caller. */
public final class OpenAiSdk {

    private OpenAiSdk() {
    }

    /** @param gateway the gateway's {@code /v1} URL; the SDK's own retries are off, so tests see each answer */
    public static OpenAIClient client(URL gateway) {
        return OpenAIOkHttpClient.builder().apiKey(ProviderEmulator.GATEWAY_KEY).baseUrl(gateway.toString())
                .maxRetries(0).build();
    }
}
