package dev.switchboard.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link BadInputTest}, against the packaged artifact. */
@QuarkusIntegrationTest
class BadInputIT extends BadInputTest {
}
