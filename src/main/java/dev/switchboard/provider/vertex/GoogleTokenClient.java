package dev.switchboard.provider.vertex;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.mutiny.Uni;

/**
 * Where Vertex AI access tokens come from: Google's OAuth token endpoint (a service account's signed
 * JWT, exchanged by the JWT bearer grant) and the GCE/GKE metadata server (the attached service
 * account or workload identity). Non-blocking like every provider call, so a refresh never holds an
 * event-loop thread. No fault-tolerance annotations: a token fetch happens inside the instance's own
 * timeout and breaker ({@code InstanceGuards}) and is bounded by {@link TokenSource} besides.
 */
@RegisterRestClient(configKey = "vertex-ai-token", baseUri = ServiceAccountKey.GOOGLE_TOKEN_URI)
public interface GoogleTokenClient {

    /** The JWT bearer grant (RFC 7523) at the key file's {@code token_uri}. */
    String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** The metadata server's host when {@code GCE_METADATA_HOST} does not name another, as Google's libraries do. */
    String METADATA_HOST = "metadata.google.internal";

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<AccessToken> exchange(@Url String tokenUri, @FormParam("grant_type") String grantType,
            @FormParam("assertion") String assertion);

    /** The metadata server answers only requests that say {@code Metadata-Flavor: Google}. */
    @GET
    @Path("/computeMetadata/v1/instance/service-accounts/default/token")
    @ClientHeaderParam(name = "Metadata-Flavor", value = "Google")
    Uni<AccessToken> metadataToken(@Url String metadataBase);

    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        return TokenErrors.classify(response);
    }
}
