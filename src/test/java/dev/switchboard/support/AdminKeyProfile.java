package dev.switchboard.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The provider emulator's configuration plus an admin key, so {@code /admin} is locked. */
public class AdminKeyProfile implements QuarkusTestProfile {

    public static final String ADMIN_KEY = "test-admin-key-7777";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("switchboard.auth.admin-key", ADMIN_KEY);
    }
}
