package dev.switchboard.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Active probes on, against the {@link ProviderEmulator} (every provider real), timed so that each
 * test decides when probes happen: a provider that is up is probed again only after an hour, so
 * after its first probe it is probed only when a test makes every provider due
 * ({@code ProviderProber.reset}); one whose probe failed, or that is down, is probed every second
 * (the recovery interval), as it would be every 5 s in production.
 */
public class ProbeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "switchboard.probes.enabled", "true",
                "switchboard.probes.interval", "1h",
                "switchboard.probes.recovery-interval", "1s",
                // Loose enough for a cold JVM's first calls; the silent-provider test waits longer still.
                "switchboard.probes.timeout", "1s",
                "switchboard.probes.failure-threshold", "2");
    }
}
