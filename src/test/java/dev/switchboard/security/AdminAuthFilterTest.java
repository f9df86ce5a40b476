package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.TestConfig;

/** Start-up warns about an open /admin exactly when the gateway itself is locked. */
class AdminAuthFilterTest {

    @Test
    void warnsWhenGatewayKeysAreSetButNoAdminKey() {
        assertThat(AdminAuthFilter.openWarning(TestConfig.load(TestConfig.seed("switchboard.auth.api-keys", "gw-1"))))
                .hasValueSatisfying(warning -> assertThat(warning).contains("switchboard.auth.admin-key")
                        .doesNotContain("gw-1"));
    }

    @Test
    void staysQuietWhenAnAdminKeyIsSet() {
        assertThat(AdminAuthFilter.openWarning(TestConfig.load(TestConfig.seed("switchboard.auth.api-keys", "gw-1",
                "switchboard.auth.admin-key", "adm-1")))).isEmpty();
    }

    @Test
    void staysQuietOnAnOpenGateway() {
        assertThat(AdminAuthFilter.openWarning(TestConfig.load(TestConfig.seed()))).isEmpty();
    }
}
