package dev.switchboard.provider;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import dev.switchboard.config.SwitchboardConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.event.Observes;

/**
 * Where each provider is reached and with which key. A provider is real when its base URL is set
 * ({@code quarkus.rest-client.<provider>.url}) or its API key is set (then its public URL is the
 * default); otherwise it is simulated: served by this application under {@code /simulated/<provider>}
 * and reached through the same typed REST client, so routing and failover behave as in production.
 */
@ApplicationScoped
public class ProviderEndpoints {

    private static final Logger LOG = Logger.getLogger(ProviderEndpoints.class);

    /** Where a provider is reached. {@code baseUrl} is empty for a simulated provider (it follows the HTTP port). */
    public record Endpoint(ProviderId provider, Optional<String> baseUrl, Optional<String> apiKey) {
        public boolean simulated() {
            return baseUrl.isEmpty();
        }
    }

    private final Map<ProviderId, Endpoint> endpoints = new EnumMap<>(ProviderId.class);
    private final Instance<HttpServer> httpServer;

    public ProviderEndpoints(SwitchboardConfig config, Config rawConfig, Instance<HttpServer> httpServer) {
        this.httpServer = httpServer;
        for (ProviderId provider : ProviderId.values()) {
            Optional<String> key = config.providers().get(provider.configName()).apiKey();
            Optional<String> url = rawConfig.getOptionalValue("quarkus.rest-client." + provider.configName() + ".url",
                    String.class).or(() -> key.flatMap(k -> provider.publicUrl()));
            endpoints.put(provider, new Endpoint(provider, url.map(ProviderEndpoints::withoutTrailingSlash), key));
        }
    }

    void announce(@Observes StartupEvent event) {
        for (Endpoint endpoint : endpoints.values()) {
            if (endpoint.simulated()) {
                LOG.warnf("Provider %s is SIMULATED (no %s and no quarkus.rest-client.%s.url): its answers are canned",
                        endpoint.provider(), endpoint.provider().keyVariable(), endpoint.provider());
            } else {
                LOG.infof("Provider %s at %s (API key %s)", endpoint.provider(), endpoint.baseUrl().orElseThrow(),
                        endpoint.apiKey().isPresent() ? "set" : "not set");
            }
        }
    }

    public Endpoint of(ProviderId provider) {
        return endpoints.get(provider);
    }

    public boolean simulated(ProviderId provider) {
        return endpoints.get(provider).simulated();
    }

    /**
     * The URL a call passes to the provider's REST client ({@code @Url}): this server's own simulator
     * for a simulated provider (its port is known only once it listens), and null for a real one,
     * whose client already has its URL: {@code quarkus.rest-client.<provider>.url}, else the public
     * URL its {@code @RegisterRestClient} names, the same as {@link Endpoint#baseUrl}. With null the
     * client uses the target it built at start-up instead of parsing a URL on every call.
     */
    public String callUrl(ProviderId provider) {
        return simulated(provider) ? simulatorUrl(provider) : null;
    }

    private String simulatorUrl(ProviderId provider) {
        String local = withoutTrailingSlash(httpServer.get().getLocalBaseUri().toString());
        String base = local + "/simulated/" + provider.configName();
        // The OpenAI convention puts the version in the base URL; the others add it to the path.
        return provider.speaksOpenAi() ? base + "/v1" : base;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
