package dev.switchboard.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link GatewayAuthTest}, against the packaged artifact. */
@QuarkusIntegrationTest
class GatewayAuthIT extends GatewayAuthTest {
}
