package dev.switchboard.provider.vertex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Switchboard takes from a Google service-account JSON key file: the account's e-mail (the
 * JWT's issuer), its RSA private key (PKCS#8 PEM, as Google issues it), the key's id and the token
 * endpoint. Nothing read from the file ever goes into a message: a problem says which field is wrong,
 * never what it holds.
 *
 * @param privateKeyId the {@code kid} of the JWT header, or null when the file has none
 */
public record ServiceAccountKey(String clientEmail, PrivateKey privateKey, String privateKeyId, String tokenUri) {

    /** Google's token endpoint, for a key file that does not name one. */
    public static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A key file that cannot be used, and why (never quoting it). */
    public static final class Unusable extends Exception {
        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads and checks the file once; start-up fails with the reason when it cannot be used. */
    public static ServiceAccountKey read(Path file) throws Unusable {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException unreadable) {
            throw new Unusable("cannot read " + file + " (" + unreadable.getClass().getSimpleName() + ")");
        }
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (IOException notJson) {
            throw new Unusable(file + " is not JSON; expected a service-account key file");
        }
        if (json == null || !json.isObject()) {
            throw new Unusable(file + " is not a JSON object; expected a service-account key file");
        }
        String type = json.path("type").asText("service_account");
        if (!"service_account".equals(type)) {
            throw new Unusable(file + " is a '" + type + "' credential, not a service_account key");
        }
        String email = text(json, "client_email", file);
        PrivateKey key = privateKey(text(json, "private_key", file), file);
        String tokenUri = json.path("token_uri").asText("");
        return new ServiceAccountKey(email, key, json.path("private_key_id").isTextual()
                ? json.path("private_key_id").asText() : null, tokenUri.isBlank() ? GOOGLE_TOKEN_URI : tokenUri);
    }

    /** Why the file cannot be used, if so: the start-up check. */
    public static Optional<String> problem(Path file) {
        try {
            read(file);
            return Optional.empty();
        } catch (Unusable unusable) {
            return Optional.of(unusable.getMessage());
        }
    }

    private static String text(JsonNode json, String field, Path file) throws Unusable {
        JsonNode value = json.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new Unusable(file + " has no " + field);
        }
        return value.asText();
    }

    /** A PKCS#8 {@code -----BEGIN PRIVATE KEY-----} block, the form Google's key files carry. */
    private static PrivateKey privateKey(String pem, Path file) throws Unusable {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException malformed) {
            throw new Unusable(file + ": private_key is not a PKCS#8 RSA private key");
        }
    }

    /** Never the key: records print their components. */
    @Override
    public String toString() {
        return "ServiceAccountKey[" + clientEmail + "]";
    }
}
