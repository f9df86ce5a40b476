package dev.switchboard.provider;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.vertex.VertexAiSettings;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.event.Observes;

/**
 * Where each provider instance is reached and with which key. A built-in instance is real when its
 * base URL is set ({@code switchboard.providers.<name>.url} or {@code quarkus.rest-client.<name>.url})
 * or its API key is set (then its public URL is the default); otherwise it is simulated: served by this
 * application under {@code /simulated/<type>} and reached through the same typed REST client, so routing
 * and failover behave as in production. Any other instance is real unless configured
 * {@code simulated=true}; start-up has checked its URL and key ({@link ProviderInstances#problems}).
 */
@ApplicationScoped
public class ProviderEndpoints {

    private static final Logger LOG = Logger.getLogger(ProviderEndpoints.class);

    /**
     * Where a provider is reached. {@code baseUrl} is empty for a simulated provider (it follows the HTTP
     * port); {@code clientTarget} says the type's REST client was built for this very URL.
     */
    public record Endpoint(ProviderId provider, Optional<String> baseUrl, Optional<String> apiKey, boolean clientTarget) {
        public boolean simulated() {
            return baseUrl.isEmpty();
        }
    }

    private final Map<ProviderId, Endpoint> endpoints = new HashMap<>();
    private final Instance<HttpServer> httpServer;

    public ProviderEndpoints(ProviderInstances instances, Config rawConfig, Instance<HttpServer> httpServer) {
        this.httpServer = httpServer;
        for (ProviderId provider : instances.all()) {
            endpoints.put(provider, endpoint(provider, instances.settings(provider), rawConfig));
        }
    }

    private static Endpoint endpoint(ProviderId provider, SwitchboardConfig.Provider settings, Config rawConfig) {
        Optional<String> key = settings.apiKey().filter(k -> !k.isBlank())
                .or(() -> settings.apiKeyEnv().flatMap(ProviderEndpoints::variable));
        if (settings.simulated()) {
            return new Endpoint(provider, Optional.empty(), key, false);
        }
        boolean builtIn = ProviderId.builtIn(provider.name()).filter(provider::equals).isPresent();
        if (!builtIn) {
            Optional<String> url = settings.url().or(() -> provider.type().publicUrl())
                    .or(() -> vertexHost(provider, settings));
            return new Endpoint(provider, url.map(ProviderEndpoints::withoutTrailingSlash), key, false);
        }
        // The type's REST client was built with quarkus.rest-client.<type>.url, else its public URL.
        Optional<String> clientUrl = rawConfig.getOptionalValue("quarkus.rest-client." + provider.name() + ".url", String.class)
                .or(() -> key.flatMap(k -> provider.type().publicUrl()));
        Optional<String> url = settings.url().or(() -> clientUrl);
        return new Endpoint(provider, url.map(ProviderEndpoints::withoutTrailingSlash), key,
                settings.url().isEmpty() || settings.url().equals(clientUrl));
    }

    /** A Vertex AI instance's host follows its location ({@code europe-west4-aiplatform.googleapis.com}). */
    private static Optional<String> vertexHost(ProviderId provider, SwitchboardConfig.Provider settings) {
        return provider.type() == ProviderType.VERTEX_AI
                ? settings.location().map(VertexAiSettings::hostFor) : Optional.empty();
    }

    /** The value of an environment variable (or a config property of that name, as tests set), if set. */
    public static Optional<String> variable(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).filter(value -> !value.isBlank());
    }

    void announce(@Observes StartupEvent event) {
        for (Endpoint endpoint : endpoints.values()) {
            ProviderId provider = endpoint.provider();
            String type = ProviderId.builtIn(provider.name()).isPresent() ? "" : " (" + provider.type() + ")";
            if (endpoint.simulated() && type.isEmpty()) {
                LOG.warnf("Provider %s is SIMULATED (no %s and no switchboard.providers.%s.url): its answers are canned",
                        provider, provider.type().keyVariable(), provider);
            } else if (endpoint.simulated()) {
                LOG.warnf("Provider %s%s is SIMULATED (switchboard.providers.%s.simulated=true): its answers are canned",
                        provider, type, provider);
            } else {
                LOG.infof("Provider %s%s at %s (%s)", provider, type, endpoint.baseUrl().orElseThrow(),
                        provider.type() == ProviderType.VERTEX_AI ? "OAuth access tokens"
                                : "API key " + (endpoint.apiKey().isPresent() ? "set" : "not set"));
            }
        }
    }

    public Endpoint of(ProviderId provider) {
        return endpoints.get(provider);
    }

    public boolean simulated(ProviderId provider) {
        return endpoints.get(provider).simulated();
    }

    /** Whether some instance of the type is simulated, so the simulator serves that API. */
    public boolean simulates(ProviderType type) {
        return endpoints.values().stream().anyMatch(e -> e.simulated() && e.provider().type() == type);
    }

    /** The instance's API key, or null when it has none. */
    public String apiKey(ProviderId provider) {
        return endpoints.get(provider).apiKey().orElse(null);
    }

    /**
     * The URL a call passes to the type's REST client ({@code @Url}): this server's own simulator for
     * a simulated instance (its port is known only once it listens), the instance's URL for one the
     * client was not built for, and null for the built-in instance at the client's own target
     * ({@code quarkus.rest-client.<type>.url}, else the public URL its {@code @RegisterRestClient}
     * names). With null the client uses the target it built at start-up instead of parsing a URL on
     * every call.
     */
    public String callUrl(ProviderId provider) {
        Endpoint endpoint = endpoints.get(provider);
        if (endpoint.simulated()) {
            return simulatorUrl(provider.type());
        }
        return endpoint.clientTarget() ? null : endpoint.baseUrl().orElseThrow();
    }

    private String simulatorUrl(ProviderType type) {
        String local = withoutTrailingSlash(httpServer.get().getLocalBaseUri().toString());
        String base = local + "/simulated/" + type.configName();
        // The OpenAI convention puts the version in the base URL; the others add it to the path, and
        // Azure's base is the bare resource URL (its version is a query parameter).
        return type.speaksOpenAi() && type != ProviderType.AZURE_OPENAI ? base + "/v1" : base;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
