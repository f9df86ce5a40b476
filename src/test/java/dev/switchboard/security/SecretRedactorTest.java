package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.TestConfig;

class SecretRedactorTest {

    private final SecretRedactor redactor = new SecretRedactor(List.of("my-gateway-key-123", "custom-provider-secret"));

    @Test
    void masksConfiguredSecrets() {
        assertThat(redactor.redact("bad key custom-provider-secret and my-gateway-key-123"))
                .isEqualTo("bad key [redacted] and [redacted]");
    }

    @Test
    void masksKeyShapedStringsEvenWhenNotConfigured() {
        assertThat(redactor.redact("Incorrect API key provided: sk-proj-abcdefghijklmnop1234"))
                .doesNotContain("abcdefghijklmnop").contains("[redacted]");
        assertThat(redactor.redact("key AIzaSyA1234567890abcdefghijklmnopqrs is invalid")).doesNotContain("AIzaSy");
        assertThat(redactor.redact("header Bearer abc.def.ghi")).doesNotContain("abc.def.ghi");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(redactor.redact("The server had an error while processing your request."))
                .isEqualTo("The server had an error while processing your request.");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void knowsTheAdminKeyFromConfiguration() {
        SecretRedactor configured = new SecretRedactor(TestConfig.load(TestConfig.seed(
                "switchboard.auth.admin-key", "admin-secret-5150", "switchboard.auth.api-keys", "gateway-secret-8080")));
        assertThat(configured.redact("saw admin-secret-5150 and gateway-secret-8080"))
                .isEqualTo("saw [redacted] and [redacted]");
    }
}
