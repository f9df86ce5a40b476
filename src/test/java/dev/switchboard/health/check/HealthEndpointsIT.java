package dev.switchboard.health.check;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link HealthEndpointsTest}, against the packaged artifact. */
@QuarkusIntegrationTest
class HealthEndpointsIT extends HealthEndpointsTest {
}
