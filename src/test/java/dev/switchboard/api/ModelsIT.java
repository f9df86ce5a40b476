package dev.switchboard.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ModelsTest}, against the packaged artifact. */
@QuarkusIntegrationTest
class ModelsIT extends ModelsTest {
}
