package dev.switchboard.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Degraded mode on (it is off for the rest of the suite, which checks the errors it replaces), the
 * provider emulator with two gateway keys (for answers that must not cross callers), one configured
 * category besides the built-in ones, and a route whose requests are of the {@code search} category.
 */
public class DegradedProfile implements QuarkusTestProfile {

    public static final String BILLING_MESSAGE = "Billing questions are answered by email while the assistant is offline.";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "switchboard.degraded.enabled", "true",
                "switchboard.degraded.messages.billing", BILLING_MESSAGE,
                "switchboard.routes.gpt-4o-mini.category", "search",
                // No test here needs a provider to time out; on a busy machine the suite's 1 s would
                // turn an answer a test means to remember into a timeout.
                "switchboard.providers.openai.timeout-ms", "10000",
                "switchboard.providers.openai-compatible.timeout-ms", "10000");
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TwoCallersProfile.Emulator.class));
    }
}
