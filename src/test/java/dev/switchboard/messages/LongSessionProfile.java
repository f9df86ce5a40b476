package dev.switchboard.messages;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A first-token limit that a long session's first, cold call cannot miss on a loaded machine: the
 * tests using it check what is sent and streamed back, not the limit (streaming tests do that).
 */
public class LongSessionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("switchboard.routing.first-token-timeout", "15s");
    }
}
