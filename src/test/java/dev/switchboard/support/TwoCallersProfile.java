package dev.switchboard.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The provider emulator with two gateway keys, so spend can be attributed to two callers, and the
 * {@link TaggedClassifier}, so auto requests land in the tier a test names.
 */
public class TwoCallersProfile implements QuarkusTestProfile {

    public static final String SECOND_KEY = "test-gateway-key-8888";

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TaggedClassifier.class);
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Emulator.class));
    }

    /** The usual emulator; only the gateway keys differ (a test resource's values win over a profile's). */
    public static class Emulator extends ProviderEmulator {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.put("switchboard.auth.api-keys", GATEWAY_KEY + "," + SECOND_KEY);
            return config;
        }
    }
}
