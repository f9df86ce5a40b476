package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What a Vertex AI instance holds, masked by shape wherever it might surface: tokens, assertions, keys. */
class GoogleCredentialRedactionTest {

    private final SecretRedactor redactor = new SecretRedactor(List.of());

    @Test
    void masksGoogleAccessTokens() {
        assertThat(redactor.redact("token ya29.c.b0AXv0zTOx-1_abc.def was refused"))
                .isEqualTo("token [redacted] was refused");
    }

    @Test
    void masksSignedJwts() {
        assertThat(redactor.redact("assertion=eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJhQGIifQ.c2lnbmF0dXJl-_x end"))
                .isEqualTo("assertion=[redacted] end");
    }

    @Test
    void masksPemPrivateKeys() {
        assertThat(redactor.redact("{\"private_key\":\"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN\n-----END PRIVATE KEY-----\n\"}"))
                .isEqualTo("{\"private_key\":\"[redacted]\n\"}");
    }
}
