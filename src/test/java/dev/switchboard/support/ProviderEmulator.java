package dev.switchboard.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One WireMock server on a dynamic port emulating every provider, each under its own path prefix,
 * so the gateway reaches them exactly as it would reach the real hosts. Keys are fixed test values
 * so tests can assert which key went where.
 */
public class ProviderEmulator implements QuarkusTestResourceLifecycleManager {

    public static final String OPENAI_KEY = "test-openai-key-1111";
    public static final String ANTHROPIC_KEY = "test-anthropic-key-2222";
    public static final String GEMINI_KEY = "test-gemini-key-3333";
    public static final String COMPATIBLE_KEY = "test-compatible-key-4444";
    public static final String GATEWAY_KEY = "test-gateway-key-9999";

    /** Path prefixes: OpenAI-format base URLs include {@code /v1}, as their SDKs expect. */
    public static final String OPENAI = "/openai/v1";
    public static final String ANTHROPIC = "/anthropic";
    public static final String GEMINI = "/gemini";
    public static final String COMPATIBLE = "/compatible/v1";

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .asynchronousResponseEnabled(true).containerThreads(20));
        server.start();
        String base = "http://localhost:" + server.port();
        return Map.ofEntries(
                Map.entry("quarkus.rest-client.openai.url", base + OPENAI),
                Map.entry("quarkus.rest-client.anthropic.url", base + ANTHROPIC),
                Map.entry("quarkus.rest-client.gemini.url", base + GEMINI),
                Map.entry("quarkus.rest-client.openai-compatible.url", base + COMPATIBLE),
                Map.entry("switchboard.providers.openai.api-key", OPENAI_KEY),
                Map.entry("switchboard.providers.anthropic.api-key", ANTHROPIC_KEY),
                Map.entry("switchboard.providers.gemini.api-key", GEMINI_KEY),
                Map.entry("switchboard.providers.openai-compatible.api-key", COMPATIBLE_KEY),
                Map.entry("switchboard.auth.api-keys", GATEWAY_KEY));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
    }
}
