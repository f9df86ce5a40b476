package dev.switchboard.support.stream;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@link StreamingProfile} (every provider a {@link ScriptedProvider}, a {@code vllm} route that
 * can continue a broken stream, short first-token and idle limits) with degraded mode on, so one test
 * class can walk every row of the failure table (F19 included) through one API. A test that wants
 * the routing error degraded mode would replace sends {@code x-switchboard-degraded: off}, as a
 * caller would.
 */
public class FailureRowsProfile extends StreamingProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("switchboard.degraded.enabled", "true");
        return overrides;
    }
}
