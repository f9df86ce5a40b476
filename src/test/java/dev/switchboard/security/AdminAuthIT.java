package dev.switchboard.security;

import dev.switchboard.support.AdminKeyProfile;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link AdminAuthTest}, against the packaged artifact. */
@QuarkusIntegrationTest
@TestProfile(AdminKeyProfile.class)
class AdminAuthIT extends AdminAuthTest {
}
