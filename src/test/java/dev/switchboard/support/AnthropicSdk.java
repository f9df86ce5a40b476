package dev.switchboard.support;

import java.net.URL;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;

/**
 * The official Anthropic Java SDK pointed at the gateway as {@code ANTHROPIC_BASE_URL} would point
 * it, and otherwise unchanged: the gateway key goes as {@code x-api-key}, the SDK's own way.
 */
public final class AnthropicSdk {

    private AnthropicSdk() {
    }

    /** @param gateway the gateway's root URL (the SDK adds {@code /v1/messages}); the SDK's retries are off */
    public static AnthropicClient client(URL gateway) {
        return AnthropicOkHttpClient.builder().apiKey(ProviderEmulator.GATEWAY_KEY)
                .baseUrl(gateway.toString().replaceAll("/$", "")).maxRetries(0).build();
    }
}
