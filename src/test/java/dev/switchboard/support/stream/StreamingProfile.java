package dev.switchboard.support.stream;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway with every provider played by a {@link ScriptedProvider} instead of WireMock, plus a
 * vLLM route that can continue a broken stream. Limits are short so stalls are caught quickly.
 */
public class StreamingProfile implements QuarkusTestProfile {

    /** An OpenAI-compatible route with continuation turned on, as for a vLLM server. */
    public static final String VLLM = "vllm";
    public static final String VLLM_MODEL = "llama-3.1-70b";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "switchboard.routes.vllm.provider", "openai-compatible",
                "switchboard.routes.vllm.model", VLLM_MODEL,
                "switchboard.routes.vllm.continuation", "true",
                "switchboard.routing.first-token-timeout", "1s",
                "switchboard.routing.stream-idle-timeout", "1500ms");
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StreamingEmulator.class));
    }
}
