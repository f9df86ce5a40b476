package dev.switchboard.support.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import dev.switchboard.support.ProviderEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Every provider played by one {@link ScriptedProvider}, under the same path prefixes and keys as {@link ProviderEmulator}. */
public class StreamingEmulator implements QuarkusTestResourceLifecycleManager {

    static ScriptedProvider provider;

    @Override
    public Map<String, String> start() {
        try {
            provider = new ScriptedProvider();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = provider.baseUrl();
        return Map.ofEntries(
                Map.entry("quarkus.rest-client.openai.url", base + ProviderEmulator.OPENAI),
                Map.entry("quarkus.rest-client.anthropic.url", base + ProviderEmulator.ANTHROPIC),
                Map.entry("quarkus.rest-client.gemini.url", base + ProviderEmulator.GEMINI),
                Map.entry("quarkus.rest-client.openai-compatible.url", base + ProviderEmulator.COMPATIBLE),
                Map.entry("switchboard.providers.openai.api-key", ProviderEmulator.OPENAI_KEY),
                Map.entry("switchboard.providers.anthropic.api-key", ProviderEmulator.ANTHROPIC_KEY),
                Map.entry("switchboard.providers.gemini.api-key", ProviderEmulator.GEMINI_KEY),
                Map.entry("switchboard.providers.openai-compatible.api-key", ProviderEmulator.COMPATIBLE_KEY),
                Map.entry("switchboard.auth.api-keys", ProviderEmulator.GATEWAY_KEY));
    }

    @Override
    public void stop() {
        if (provider != null) {
            try {
                provider.close();
            } catch (IOException ignored) {
                // shutting down
            }
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(provider, new TestInjector.MatchesType(ScriptedProvider.class));
    }
}
