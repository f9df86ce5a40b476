package dev.switchboard.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile.TestResourceEntry;

/**
 * One WireMock server per named provider instance, each on its own dynamic port, and each instance's
 * {@code switchboard.providers.<name>.url} pointing at it: for tests of instances side by side, where
 * one shared emulator could not tell them apart. Declare it in a test profile with {@link #of} and take
 * the servers in a field of type {@link Servers} (not {@code WireMockServer}, which the suite's global
 * {@link ProviderEmulator} fills with itself).
 */
public class InstanceEmulators implements QuarkusTestResourceLifecycleManager {

    /** The running servers, by instance name. */
    public record Servers(Map<String, WireMockServer> byInstance) {
        public WireMockServer of(String instance) {
            WireMockServer server = byInstance.get(instance);
            if (server == null) {
                throw new IllegalArgumentException("no emulator for instance " + instance);
            }
            return server;
        }

        public void resetAll() {
            byInstance.values().forEach(WireMockServer::resetAll);
        }
    }

    private final Map<String, String> paths = new LinkedHashMap<>();
    private Servers servers;

    /**
     * The resource for a profile's {@code testResources()}: pairs of an instance name and the path its
     * URL ends in (with {@code /v1} for the OpenAI formats).
     */
    public static List<TestResourceEntry> of(String... instanceAndPath) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < instanceAndPath.length; i += 2) {
            args.put(instanceAndPath[i], instanceAndPath[i + 1]);
        }
        return List.of(new TestResourceEntry(InstanceEmulators.class, args));
    }

    @Override
    public void init(Map<String, String> initArgs) {
        paths.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        Map<String, WireMockServer> started = new LinkedHashMap<>();
        Map<String, String> config = new LinkedHashMap<>();
        paths.forEach((instance, path) -> {
            WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                    .asynchronousResponseEnabled(true).containerThreads(10));
            server.start();
            started.put(instance, server);
            config.put("switchboard.providers." + instance + ".url", "http://localhost:" + server.port() + path);
        });
        servers = new Servers(Map.copyOf(started));
        return config;
    }

    @Override
    public void stop() {
        if (servers != null) {
            servers.byInstance().values().forEach(WireMockServer::stop);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(servers, new TestInjector.MatchesType(Servers.class));
    }
}
