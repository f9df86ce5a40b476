package dev.switchboard.provider.vertex;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.switchboard.provider.ProviderEndpoints;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.provider.ProviderType;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * The access tokens of every vertex-ai instance, one {@link TokenSource} each, built at start-up:
 * a service-account instance's key file is read then, once, and kept in memory; a metadata instance
 * asks the metadata server at {@code GCE_METADATA_HOST} (the variable Google's own libraries read),
 * else {@code metadata.google.internal}. A simulated instance has no token: the simulator takes none.
 * Tokens and keys are never logged; the start-up line says only where tokens come from.
 */
@ApplicationScoped
public class VertexTokens {

    private static final Logger LOG = Logger.getLogger(VertexTokens.class);

    private final GoogleTokenClient client;
    private final ProviderInstances instances;
    private final ProviderEndpoints endpoints;
    private final Clock clock = Clock.systemUTC();
    private final Map<ProviderId, TokenSource> sources = new ConcurrentHashMap<>();

    public VertexTokens(@RestClient GoogleTokenClient client, ProviderInstances instances, ProviderEndpoints endpoints) {
        this.client = client;
        this.instances = instances;
        this.endpoints = endpoints;
    }

    /**
     * Reads the key files now, so a request never touches the disk. A file that cannot be used was
     * already reported by the start-up check ({@link VertexAiSettings#problems}), which stops start-up
     * naming the key; it is skipped here rather than reported twice.
     */
    void load(@Observes StartupEvent event) {
        for (ProviderId instance : instances.enabled()) {
            if (instance.type() == ProviderType.VERTEX_AI && !endpoints.simulated(instance)) {
                source(instance).ifPresent(source -> sources.put(instance, source));
            }
        }
    }

    private Optional<TokenSource> source(ProviderId instance) {
        VertexAiSettings settings = VertexAiSettings.of(instances.settings(instance));
        if (settings.credentials() == VertexAiSettings.Credentials.METADATA) {
            String base = "http://" + ProviderEndpoints.variable("GCE_METADATA_HOST").orElse(GoogleTokenClient.METADATA_HOST);
            LOG.infof("Provider %s (vertex-ai) takes its access tokens from the metadata server at %s", instance, base);
            return Optional.of(new TokenSource(instance, () -> client.metadataToken(base), clock));
        }
        Path file = settings.serviceAccountFile().orElseThrow();
        try {
            ServiceAccountKey key = ServiceAccountKey.read(file);
            LOG.infof("Provider %s (vertex-ai) signs in as service account %s (key file %s)", instance,
                    key.clientEmail(), file);
            return Optional.of(new TokenSource(instance, () -> client.exchange(key.tokenUri(),
                    GoogleTokenClient.JWT_BEARER, ServiceAccountAssertion.signed(key, clock.instant())), clock));
        } catch (ServiceAccountKey.Unusable unusable) {
            return Optional.empty();
        }
    }

    /**
     * The {@code Authorization} header value for a call to the instance: {@code Bearer <token>}, or
     * null (no header) for a simulated instance.
     */
    public Uni<String> authorization(ProviderId instance) {
        TokenSource source = sources.get(instance);
        if (source == null) {
            return Uni.createFrom().nullItem();
        }
        return source.token().map(token -> "Bearer " + token);
    }

    /** Vertex refused the token (revoked, say): the next call fetches a new one instead of sending it again. */
    public void refused(ProviderId instance) {
        TokenSource source = sources.get(instance);
        if (source != null) {
            source.forget();
        }
    }

    /** Forgets every token held, so the next call of each instance fetches one: for tests. */
    public void forgetAll() {
        sources.values().forEach(TokenSource::forget);
    }
}
