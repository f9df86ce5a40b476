package dev.switchboard.support;

import java.util.HashMap;
import java.util.Map;

import dev.switchboard.provider.ProviderId;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Every provider simulated, as on a fresh machine. The global {@link ProviderEmulator} would give
 * each provider a URL and a key, which makes it real, so it is left out; and keys that the
 * environment may hold are blanked, since an empty value counts as unset. The one profile for
 * tests of the simulator, so Quarkus restarts only once for all of them.
 */
public class SimulatedProvidersProfile implements QuarkusTestProfile {

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> unset = new HashMap<>();
        for (ProviderId provider : ProviderId.BUILT_IN) {
            unset.put("switchboard.providers." + provider.configName() + ".api-key", "");
            unset.put("quarkus.rest-client." + provider.configName() + ".url", "");
        }
        return unset;
    }
}
