package dev.switchboard.provider.vertex;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What both token endpoints answer (Google's OAuth token endpoint and the metadata server):
 * {@code {"access_token","expires_in","token_type"}}.
 *
 * @param expiresIn seconds from now; null when the answer left it out
 */
@RegisterForReflection
public record AccessToken(@JsonProperty("access_token") String accessToken,
        @JsonProperty("expires_in") Long expiresIn,
        @JsonProperty("token_type") String tokenType) {

    /** Whether the answer is a usable bearer token (a 200 with another body is not). */
    boolean usable() {
        return accessToken != null && !accessToken.isBlank() && expiresIn != null && expiresIn > 0
                && (tokenType == null || "bearer".equalsIgnoreCase(tokenType));
    }

    /** Never the token itself. */
    @Override
    public String toString() {
        return "AccessToken[expires_in=" + expiresIn + "]";
    }
}
