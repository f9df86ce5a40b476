package dev.switchboard.simulator;

import dev.switchboard.support.SimulatedProvidersProfile;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link SimulatedStreamsTest}, against the packaged artifact. */
@QuarkusIntegrationTest
@TestProfile(SimulatedProvidersProfile.class)
class SimulatedStreamsIT extends SimulatedStreamsTest {
}
