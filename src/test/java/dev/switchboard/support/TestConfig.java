package dev.switchboard.support;


import java.util.HashMap;
import java.util.Map;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderInstances;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Builds {@link SwitchboardConfig} from properties without starting Quarkus, for unit tests. */
public final class TestConfig {

    private TestConfig() {
    }

    /** The seed's routes and chain, plus the given overrides. */
    public static Map<String, String> seed(String... overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "switchboard.chain", "claude-sonnet,gpt-4o",
                "switchboard.routes.claude-sonnet.provider", "anthropic",
                "switchboard.routes.claude-sonnet.model", "claude-sonnet-4-5",
                "switchboard.routes.gpt-4o.provider", "openai",
                "switchboard.routes.gpt-4o.model", "gpt-4o"));
        for (int i = 0; i < overrides.length; i += 2) {
            properties.put(overrides[i], overrides[i + 1]);
        }
        return properties;
    }

    public static SwitchboardConfig load(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(SwitchboardConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(SwitchboardConfig.class);
    }

    /**
     * Where each provider is reached, from the same properties, for unit tests that hand an adapter
     * a fake client. Give every provider used a {@code quarkus.rest-client.<provider>.url}: a
     * simulated one would need the running HTTP server to know its own address.
     */
    public static ProviderEndpoints endpoints(Map<String, String> properties) {
        SmallRyeConfig raw = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return new ProviderEndpoints(ProviderInstances.of(load(properties)), raw, null);
    }
}
