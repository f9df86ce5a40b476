package dev.switchboard.provider.vertex;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The signed JWT a service account presents to Google's token endpoint (the JWT bearer grant,
 * RFC 7523): issued by the account, for the token endpoint, asking for the cloud-platform scope,
 * valid for the hour Google allows at most. Signed RS256 with the JDK alone: one signature an hour
 * per instance is no reason for a JOSE library.
 */
final class ServiceAccountAssertion {

    /** The scope Vertex AI's generateContent needs. */
    static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    /** Google's longest: an assertion may be valid for at most an hour after it is issued. */
    static final long LIFETIME_SECONDS = 3600;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ServiceAccountAssertion() {
    }

    static String signed(ServiceAccountKey key, Instant now) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        if (key.privateKeyId() != null) {
            header.put("kid", key.privateKeyId());
        }
        long issued = now.getEpochSecond();
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", key.clientEmail())
                .put("scope", SCOPE)
                .put("aud", key.tokenUri())
                .put("iat", issued)
                .put("exp", issued + LIFETIME_SECONDS);
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key.privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException impossible) {
            // The key was read as an RSA key at start-up; every JDK has SHA256withRSA.
            throw new IllegalStateException("cannot sign the service-account assertion: "
                    + impossible.getClass().getSimpleName());
        }
    }

    private static String encode(ObjectNode json) {
        return BASE64URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
