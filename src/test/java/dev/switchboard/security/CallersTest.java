package dev.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.support.TestConfig;

/** A caller is named by a digest of its key, never the key; an open gateway's callers are all anonymous. */
class CallersTest {

    private final Callers locked = new Callers(TestConfig.load(TestConfig.seed("switchboard.auth.api-keys", "gw-one,gw-two")));

    @Test
    void aKeyIsNamedByTheFirstEightHexDigitsOfItsSha256() {
        assertThat(Callers.idOf("gw-one")).isEqualTo("key-" + sha256Prefix("gw-one")).matches("key-[0-9a-f]{8}");
        assertThat(locked.identify("Bearer gw-one")).isEqualTo(Callers.idOf("gw-one"));
        assertThat(locked.identify("bearer  gw-one ")).isEqualTo(Callers.idOf("gw-one"));
    }

    @Test
    void twoKeysAreTwoCallersAndNeitherIdContainsItsKey() {
        String one = locked.identify("Bearer gw-one");
        String two = locked.identify("Bearer gw-two");

        assertThat(one).isNotEqualTo(two).doesNotContain("gw-one");
        assertThat(two).doesNotContain("gw-two");
    }

    @Test
    void anOpenGatewaysCallersAreAnonymousWhateverTheySend() {
        Callers open = new Callers(TestConfig.load(TestConfig.seed()));

        assertThat(open.identify("Bearer anything")).isEqualTo(Callers.ANONYMOUS);
        assertThat(open.identify(null)).isEqualTo(Callers.ANONYMOUS);
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return String.format("%02x%02x%02x%02x", digest[0], digest[1], digest[2], digest[3]);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
