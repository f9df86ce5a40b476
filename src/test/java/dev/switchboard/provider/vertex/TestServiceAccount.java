package dev.switchboard.provider.vertex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service account made up for a test: a fresh RSA key pair, and a key file in Google's format
 * (PKCS#8 PEM {@code private_key}, {@code client_email}, {@code token_uri}) whose public half the
 * test keeps, to verify what the gateway signed.
 */
public record TestServiceAccount(Path file, PublicKey publicKey, String clientEmail, String privateKeyId,
        String privateKeyPem, String tokenUri) {

    public static final String CLIENT_EMAIL = "switchboard-test@test-project.iam.gserviceaccount.com";
    public static final String KEY_ID = "0123456789abcdef0123456789abcdef01234567";

    public static TestServiceAccount create(Path directory, String tokenUri) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            var json = new ObjectMapper().createObjectNode()
                    .put("type", "service_account")
                    .put("project_id", "test-project")
                    .put("private_key_id", KEY_ID)
                    .put("private_key", pem)
                    .put("client_email", CLIENT_EMAIL)
                    .put("client_id", "100000000000000000001")
                    .put("auth_uri", "https://accounts.google.com/o/oauth2/auth")
                    .put("token_uri", tokenUri);
            Path file = Files.createTempFile(directory, "service-account", ".json");
            Files.writeString(file, json.toPrettyString());
            return new TestServiceAccount(file, pair.getPublic(), CLIENT_EMAIL, KEY_ID, pem, tokenUri);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
